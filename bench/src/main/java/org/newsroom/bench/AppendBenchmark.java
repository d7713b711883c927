package org.newsroom.bench;

import org.flywaydb.core.Flyway;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventStore;
import org.newsroom.events.NewEvent;
import org.newsroom.events.StoryEvent;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * EventStore.append as the ingest service uses it (one article's 3-4 events per call, expected version, one
 * transaction each) against the ceiling: a plain JDBC batch INSERT of the same rows into an identical table.
 * Runs in a database of its own, so the query service's projector neither sees these events nor is woken by them.
 */
final class AppendBenchmark {

    /** One timed round of both. */
    record Round(double storeEventsPerSecond, double jdbcEventsPerSecond, double appendMillisPerArticle,
                 double jdbcPerArticleEventsPerSecond) {
        double ratio() {
            return storeEventsPerSecond / jdbcEventsPerSecond;
        }
    }

    static final int JDBC_BATCH_ROWS = 500;
    private static final int STORIES = 1_000;

    private final String url;
    private final String username;
    private final String password;
    private final SyntheticEvents synthetic;
    private final EventStore store = new EventStore(new EventCodec());
    private final List<UUID> stories = new ArrayList<>();
    private final int[] versions = new int[STORIES];
    private int nextStory;

    AppendBenchmark(String url, String username, String password, SyntheticEvents synthetic) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.synthetic = synthetic;
        for (int i = 0; i < STORIES; i++) {
            stories.add(UUID.randomUUID());
        }
    }

    void migrate() throws SQLException {
        Flyway.configure().dataSource(url, username, password).load().migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS events_plain (LIKE events INCLUDING ALL)");
            s.execute("CREATE TABLE IF NOT EXISTS events_plain_by_article (LIKE events INCLUDING ALL)");
        }
    }

    /** Appends about {@code events} events each way; the first call of a run should be a discarded warm-up. */
    Round round(int events) throws SQLException {
        List<Article> articles = articles(events);
        int total = articles.stream().mapToInt(a -> a.events().size()).sum();
        double jdbc = total / plainInsert(articles, JDBC_BATCH_ROWS);
        double seconds = storeAppend(articles);
        double perArticle = total / plainInsert(articles, 0);
        return new Round(total / seconds, jdbc, seconds * 1000 / articles.size(), perArticle);
    }

    /**
     * The yardstick the benchmark issue gives for its machine, about 150,000 rows/s: one {@code INSERT … SELECT
     * generate_series} of event-sized rows (a 500-byte JSON payload each) into the identical table, in rows/s. Its
     * ratio to that figure says how much faster or slower this machine's PostgreSQL is than the one the goals were
     * set on.
     */
    double generateSeries(int rows) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE events_plain");
            long started = System.nanoTime();
            s.executeUpdate("""
                    INSERT INTO events_plain (stream_id, stream_version, event_id, type, data, metadata)
                    SELECT 'story-' || (i / 4), i %% 4 + 1, gen_random_uuid(), 'ArticleIngested',
                           json_build_object('articleId', gen_random_uuid(), 'n', i, 'text', repeat('lorem ipsum ', 40)),
                           json_build_object('correlationId', gen_random_uuid())
                    FROM generate_series(1, %d) AS i""".formatted(rows));
            return rows / ((System.nanoTime() - started) / 1e9);
        }
    }

    private record Article(String streamId, int expectedVersion, List<NewEvent> events) {
    }

    /** Articles spread round-robin over many stories, as ingest spreads them over the stories it assigns. */
    private List<Article> articles(int events) {
        List<Article> articles = new ArrayList<>();
        int count = 0;
        while (count < events) {
            int story = nextStory++ % STORIES;
            List<NewEvent> batch = synthetic.article(stories.get(story), versions[story] == 0);
            articles.add(new Article(StoryEvent.streamOf(stories.get(story)), versions[story], batch));
            versions[story] += batch.size();
            count += batch.size();
        }
        return articles;
    }

    private double storeAppend(List<Article> articles) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            long started = System.nanoTime();
            for (Article a : articles) {
                store.append(c, a.streamId(), a.expectedVersion(), a.events());
                c.commit();
            }
            return (System.nanoTime() - started) / 1e9;
        }
    }

    /**
     * The same rows by plain JDBC batch INSERT, {@code batchRows} to a batch and transaction, or with 0 one article's
     * rows to a batch and transaction, as the store commits them: that side only says how much of the store's cost
     * is its transaction per article, it is not the ratio's denominator.
     */
    private double plainInsert(List<Article> articles, int batchRows) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        for (Article a : articles) {
            int version = a.expectedVersion();
            for (NewEvent e : a.events()) {
                rows.add(new String[] {a.streamId(), Integer.toString(++version), UUID.randomUUID().toString(),
                        e.event().type(), Integer.toString(e.event().schemaVersion()),
                        store.codec().write(e.event()), store.codec().write(e.metadata())});
            }
        }
        String table = batchRows == 0 ? "events_plain_by_article" : "events_plain";
        int[] ends = new int[articles.size()];
        int end = 0;
        for (int i = 0; i < articles.size(); i++) {
            end += articles.get(i).events().size();
            ends[i] = end;
        }
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO %s (stream_id, stream_version, event_id, type, schema_version, data, metadata)
                VALUES (?, ?, ?::uuid, ?, ?, ?::json, ?::json)
                """.formatted(table))) {
            c.setAutoCommit(false);
            long started = System.nanoTime();
            int pending = 0;
            int article = 0;
            for (int r = 0; r < rows.size(); r++) {
                String[] row = rows.get(r);
                ps.setString(1, row[0]);
                ps.setInt(2, Integer.parseInt(row[1]));
                ps.setString(3, row[2]);
                ps.setString(4, row[3]);
                ps.setInt(5, Integer.parseInt(row[4]));
                ps.setString(6, row[5]);
                ps.setString(7, row[6]);
                ps.addBatch();
                boolean articleEnds = r + 1 == ends[article];
                if (articleEnds) {
                    article++;
                }
                if (++pending == batchRows || batchRows == 0 && articleEnds) {
                    ps.executeBatch();
                    c.commit();
                    pending = 0;
                }
            }
            ps.executeBatch();
            c.commit();
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }
}
