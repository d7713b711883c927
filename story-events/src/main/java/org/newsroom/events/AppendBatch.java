package org.newsroom.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Appends to any streams, held until {@link #flush} writes them all with one statement, in the caller's transaction.
 * Later appends to a stream of the batch go on from its earlier ones: each must expect the version they leave it at.
 * The events are not in the log, for reads on the connection, until the batch is flushed: a caller that reads the
 * log about something the batch may hold (an article, by its correlation id: {@link #holds}) flushes first.
 * A flush that fails leaves the transaction to be rolled back, as {@link EventStore#append} does.
 */
public final class AppendBatch {

    /** One event's row: its stream, the version the stream is expected at before the batch, its own version. */
    record Row(String streamId, int expectedVersion, int streamVersion, NewEvent event) {
    }

    /** One append of the batch; its positions are known once the batch has been flushed. */
    public static final class Pending {
        private final int first;
        private final int count;
        private long[] positions;

        private Pending(int first, int count) {
            this.first = first;
            this.count = count;
        }

        /** The global positions of the append's events, in the order given. */
        public List<Long> positions() {
            if (positions == null) {
                throw new IllegalStateException("the batch has not been flushed");
            }
            List<Long> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                list.add(positions[first + i]);
            }
            return list;
        }
    }

    private final EventStore store;
    private final List<Row> rows = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    /** Per stream of the batch: the version expected before the batch and the version its appends leave it at. */
    private final Map<String, int[]> streams = new HashMap<>();
    private final Set<UUID> correlations = new HashSet<>();

    AppendBatch(EventStore store) {
        this.store = store;
    }

    /**
     * Adds an append of events to a stream that must be at {@code expectedVersion}: in the log for a stream the batch
     * has not appended to, or where the batch's earlier appends leave it. An expectation that the batch's own
     * appends already contradict fails here with {@link ConcurrencyConflictException}.
     */
    public Pending append(String streamId, int expectedVersion, List<NewEvent> events) {
        int[] stream = streams.get(streamId);
        if (stream != null && stream[1] != expectedVersion) {
            throw new ConcurrencyConflictException(streamId, expectedVersion,
                    "this batch's appends leave it at " + stream[1]);
        }
        if (stream == null) {
            stream = new int[] {expectedVersion, expectedVersion};
            streams.put(streamId, stream);
        }
        Pending p = new Pending(rows.size(), events.size());
        for (NewEvent e : events) {
            rows.add(new Row(streamId, stream[0], ++stream[1], e));
            correlations.add(e.metadata().correlationId());
        }
        pending.add(p);
        return p;
    }

    /** Whether an event of the batch, not yet flushed, has this correlation id (the article it is about). */
    public boolean holds(UUID correlationId) {
        return correlations.contains(correlationId);
    }

    /** Writes every append of the batch in one statement; the batch is empty afterwards. */
    public void flush(Connection connection) throws SQLException {
        long[] positions = rows.isEmpty() ? new long[0] : store.insert(connection, rows);
        for (Pending p : pending) {
            p.positions = positions;
        }
        rows.clear();
        pending.clear();
        streams.clear();
        correlations.clear();
    }
}
