package org.newsroom.events;

import org.postgresql.util.PSQLException;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PostgreSQL event store. Every method works on the caller's connection and transaction, so that
 * several appends and the caller's own writes commit or roll back together.
 */
public final class EventStore {

    /** Channel notified after each append; it only wakes readers, who then read the table. */
    public static final String CHANNEL = "newsroom_events";

    private static final String UNIQUE_VIOLATION = "23505";

    private final EventCodec codec;

    public EventStore(EventCodec codec) {
        this.codec = codec;
    }

    public EventCodec codec() {
        return codec;
    }

    /** The stream's current version; 0 when it has no events. */
    public int streamVersion(Connection connection, String streamId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT coalesce(max(stream_version), 0) FROM events WHERE stream_id = ?
                """)) {
            ps.setString(1, streamId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Appends events to a stream that must be at {@code expectedVersion}, numbering them on from it.
     * Returns the global positions. A concurrent writer to the same stream makes one of the two fail with
     * {@link ConcurrencyConflictException}; an event id already stored fails with {@link DuplicateEventException}.
     * Either failure leaves the transaction aborted: the caller rolls back.
     */
    public List<Long> append(Connection connection, String streamId, int expectedVersion, List<NewEvent> events)
            throws SQLException {
        AppendBatch batch = batch();
        AppendBatch.Pending pending = batch.append(streamId, expectedVersion, events);
        batch.flush(connection);
        return pending.positions();
    }

    /** A batch of appends to any streams, written by one statement when flushed. */
    public AppendBatch batch() {
        return new AppendBatch(this);
    }

    /** Events of one append statement: eight parameters each, within PostgreSQL's 65,535 of a statement. */
    static final int MAX_APPEND = 8_000;
    /** The append statement for each number of events. */
    private static final Map<Integer, String> APPEND = new ConcurrentHashMap<>();

    /**
     * Writes the rows of several appends in one round trip: the version checks, the insert and the notification are
     * one statement. Each row carries its stream's expected version (the version before the batch's first append to
     * it) and its own number; if any stream is not at its expected version, nothing is inserted. Two appenders that
     * both saw a stream there collide on the unique (stream_id, stream_version), so exactly one of them wins. Each
     * event is a row of parameters: an array of JSON texts would be quoted into one literal here and parsed out of
     * it there. Answers each row's position, in the order given.
     */
    long[] insert(Connection connection, List<AppendBatch.Row> rows) throws SQLException {
        int n = rows.size();
        if (n > MAX_APPEND) {
            throw new IllegalArgumentException(n + " events in one append; at most " + MAX_APPEND
                    + " fit PostgreSQL's 65,535 parameters of a statement");
        }
        long[] positions = new long[n];
        int found = 0;
        try (PreparedStatement ps = connection.prepareStatement(APPEND.computeIfAbsent(n, EventStore::appendSql))) {
            int p = 1;
            for (AppendBatch.Row row : rows) {
                NewEvent e = row.event();
                ps.setString(p++, row.streamId());
                ps.setInt(p++, row.expectedVersion());
                ps.setInt(p++, row.streamVersion());
                ps.setObject(p++, e.eventId());
                ps.setString(p++, e.event().type());
                ps.setInt(p++, e.event().schemaVersion());
                ps.setString(p++, e.json() != null ? e.json() : codec.write(e.event()));
                ps.setString(p++, codec.write(e.metadata()));
            }
            ps.setString(p, CHANNEL);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    positions[rs.getInt(2) - 1] = rs.getLong(1);
                    found++;
                }
            }
        } catch (PSQLException e) {
            throw translate(e, rows);
        }
        if (found < n) {
            throw staleStream(connection, rows);
        }
        return positions;
    }

    private static String appendSql(int n) {
        StringJoiner rows = new StringJoiner(", ");
        for (int i = 1; i <= n; i++) {
            rows.add("(" + i + ", ?, ?::int, ?::int, ?::uuid, ?, ?::int, ?::json, ?::json)");
        }
        return """
                WITH e (ord, stream_id, expected, stream_version, id, type, schema_version, data, metadata) AS (
                    VALUES %s
                ), appended AS (
                    INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
                    SELECT e.stream_id, e.stream_version, e.id, e.type, e.schema_version, e.data, e.metadata
                    FROM e
                    WHERE NOT EXISTS (
                        SELECT 1 FROM (SELECT DISTINCT stream_id, expected FROM e) AS s
                        WHERE (SELECT coalesce(max(x.stream_version), 0) FROM events x WHERE x.stream_id = s.stream_id)
                              <> s.expected)
                    ORDER BY e.ord
                    RETURNING position, stream_id, stream_version
                ), notified AS (
                    SELECT pg_notify(?, max(position)::text) FROM appended HAVING count(*) > 0
                )
                SELECT a.position, e.ord
                FROM appended a JOIN e ON e.stream_id = a.stream_id AND e.stream_version = a.stream_version, notified
                """.formatted(rows);
    }

    /** The first stream of the rows that is not at its expected version, as the failure. */
    private ConcurrencyConflictException staleStream(Connection connection, List<AppendBatch.Row> rows)
            throws SQLException {
        for (AppendBatch.Row row : rows) {
            int version = streamVersion(connection, row.streamId());
            if (version != row.expectedVersion()) {
                return new ConcurrencyConflictException(row.streamId(), row.expectedVersion(), "it is at " + version);
            }
        }
        AppendBatch.Row first = rows.get(0);
        return new ConcurrencyConflictException(first.streamId(), first.expectedVersion(), "a concurrent append won");
    }

    private static RuntimeException translate(PSQLException e, List<AppendBatch.Row> rows) throws SQLException {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || e.getServerErrorMessage() == null) {
            throw e;
        }
        String constraint = e.getServerErrorMessage().getConstraint();
        if ("events_event_id_key".equals(constraint)) {
            return new DuplicateEventException(e.getServerErrorMessage().getDetail());
        }
        if ("events_stream_version_key".equals(constraint)) {
            AppendBatch.Row row = conflicting(e.getServerErrorMessage().getDetail(), rows);
            return new ConcurrencyConflictException(row.streamId(), row.expectedVersion(), "a concurrent append won");
        }
        throw e;
    }

    /** The row of the stream that the unique violation's detail names, or the first row. */
    private static AppendBatch.Row conflicting(String detail, List<AppendBatch.Row> rows) {
        for (AppendBatch.Row row : rows) {
            if (detail != null && detail.contains("(" + row.streamId() + ",")) {
                return row;
            }
        }
        return rows.get(0);
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    /** All events of one stream, oldest first. */
    public List<RecordedEvent> readStream(Connection connection, String streamId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SELECT + """
                WHERE stream_id = ? ORDER BY stream_version
                """)) {
            ps.setString(1, streamId);
            return readAll(ps);
        }
    }

    /**
     * The next events after {@code after} in commit-safe order. Only transactions below the oldest one still
     * running are visible, so an event of a transaction that commits later than a higher position is read
     * once it commits, never skipped. A batch holds whole transactions (whole articles) unless a single
     * transaction is larger than {@code limit}.
     */
    public List<RecordedEvent> readAfter(Connection connection, Checkpoint after, int limit) throws SQLException {
        List<RecordedEvent> events = readAfterUpTo(connection, after, limit);
        if (events.size() < limit) {
            return events;
        }
        long lastTransaction = events.get(events.size() - 1).transactionId();
        int end = events.size();
        while (end > 0 && events.get(end - 1).transactionId() == lastTransaction) {
            end--;
        }
        return end == 0 ? events : events.subList(0, end);
    }

    private List<RecordedEvent> readAfterUpTo(Connection connection, Checkpoint after, int limit) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(CATCH_UP)) {
            ps.setString(1, Long.toUnsignedString(after.transactionId()));
            ps.setLong(2, after.position());
            ps.setInt(3, limit);
            List<RecordedEvent> events = readAll(ps);
            events.sort(COMMIT_ORDER);
            return events;
        }
    }

    private static final Comparator<RecordedEvent> COMMIT_ORDER = Comparator
            .comparing(RecordedEvent::transactionId, Long::compareUnsigned)
            .thenComparingLong(RecordedEvent::position);

    /** The ArticleIngested event of the article's latest revision, if the article is known. */
    public Optional<RecordedEvent> latestRevision(Connection connection, UUID articleId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SELECT + """
                WHERE type = 'ArticleIngested' AND data ->> 'articleId' = ?
                ORDER BY position DESC LIMIT 1
                """)) {
            ps.setString(1, articleId.toString());
            return readAll(ps).stream().findFirst();
        }
    }

    /** The events at these positions, in log order; positions with no event are left out. */
    public List<RecordedEvent> readPositions(Connection connection, Collection<Long> positions) throws SQLException {
        if (positions.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = connection.prepareStatement(SELECT + """
                WHERE position = ANY (?) ORDER BY position
                """)) {
            ps.setArray(1, array(connection, "int8", positions.toArray()));
            return readAll(ps);
        }
    }

    /**
     * Each story's last assignment. No "WHERE story_id IS NOT NULL" here: PostgreSQL would test it before the type,
     * and so read and parse every event's data, the articles' texts too (0.8 s for 20,000 events), not only the
     * assignments'. A null story id is skipped as the rows are read.
     */
    static final String LAST_ASSIGNMENTS = """
            SELECT DISTINCT ON (story_id) story_id, transaction_id::text AS transaction_text, position
            FROM (SELECT data ->> 'storyId' AS story_id, transaction_id, position FROM events
                  WHERE type = 'ArticleAssignedToStory'
                    AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())) assignments
            ORDER BY story_id, transaction_id DESC, position DESC""";

    /**
     * Where each story's last {@code ArticleAssignedToStory} event stands in the log, among the events that
     * {@link #readAfter} can read now (the same bound on transaction ids), from the narrow columns and the small
     * events only. A reader that starts after this call reads all of them before it reads an empty batch. (The text
     * form has a name of its own, or {@code ORDER BY transaction_id} would sort it as text, as {@link #SELECT} says.)
     */
    public Map<UUID, Checkpoint> lastAssignments(Connection connection) throws SQLException {
        Map<UUID, Checkpoint> last = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(LAST_ASSIGNMENTS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getString(1) == null) {
                    continue;
                }
                try {
                    // Merged, not put: two spellings of one id (upper and lower case) are two rows.
                    last.merge(UUID.fromString(rs.getString(1)),
                            new Checkpoint(Long.parseUnsignedLong(rs.getString(2)), rs.getLong(3)),
                            (a, b) -> a.isAfter(b) ? a : b);
                } catch (IllegalArgumentException notAStoryId) {
                    // Not an id the projection reads either: no story waits for that event.
                }
            }
        }
        return last;
    }

    /** The highest position in the log, 0 when empty. */
    public long headPosition(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT coalesce(max(position), 0) FROM events");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The text form of the transaction id has its own name: an output column named {@code transaction_id} would be
     * what {@code ORDER BY transaction_id} sorts by, as text, and "1000" sorts before "999".
     */
    private static final String SELECT = """
            SELECT position, stream_id, stream_version, event_id, type, schema_version, data::text,
                   metadata::text, recorded_at, transaction_id::text AS transaction_text
            FROM events
            """;

    /**
     * The catch-up page: the positions are chosen on the narrow index columns first and only their rows are read in
     * full, since a plan that sorted would turn every later event's JSON into text to sort it. The positions are handed
     * over as an array, not as {@code IN (subquery)}: as a semi-join the planner could expect thousands of rows and
     * scan the whole log to hash-join them, on every batch; {@code = ANY (array)} is fetched by the primary key
     * whatever plan is cached (EventStoreQueryPlanTest).
     */
    static final String CATCH_UP = SELECT + """
            WHERE position = ANY (ARRAY(
                SELECT position FROM events
                WHERE (transaction_id, position) > (?::text::xid8, ?)
                  AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY transaction_id, position
                LIMIT ?))
            """;

    private List<RecordedEvent> readAll(PreparedStatement ps) throws SQLException {
        List<RecordedEvent> events = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String type = rs.getString(5);
                int schemaVersion = rs.getInt(6);
                events.add(new RecordedEvent(
                        rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getObject(4, UUID.class), schemaVersion,
                        // The text's UTF-8 bytes as they came: Jackson reads them without a String in between.
                        codec.readEvent(type, schemaVersion, rs.getBytes(7)),
                        codec.readMetadata(rs.getBytes(8)),
                        rs.getTimestamp(9).toInstant(),
                        Long.parseUnsignedLong(rs.getString(10))));
            }
        }
        return events;
    }
}
