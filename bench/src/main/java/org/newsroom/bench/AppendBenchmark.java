package org.newsroom.bench;

import org.flywaydb.core.Flyway;
import org.newsroom.events.AppendBatch;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventStore;
import org.newsroom.events.GroupCommit;
import org.newsroom.events.NewEvent;
import org.newsroom.events.StoryEvent;
import org.newsroom.events.StoryEvent.ArticleIngested;
import org.newsroom.events.StoryEvent.ClaimsExtracted;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event store as the ingest service uses it (one article's 3-4 events per append, expected version, handed in
 * to a {@link GroupCommit} by {@link #CALLERS} callers at once, as the ingest's request threads hand their articles
 * in, each transaction's appends written by one {@link AppendBatch} statement) against the ceiling: a plain JDBC batch INSERT of the same rows into an identical table. Also the
 * store with one caller, so that every article has a transaction of its own, as on a quiet ingest.
 * Runs in a database of its own, so the query service's projector neither sees these events nor is woken by them.
 */
final class AppendBenchmark {

    /** One timed round of both. */
    record Round(double storeEventsPerSecond, double jdbcEventsPerSecond, double appendMillisPerArticle,
                 double jdbcPerArticleEventsPerSecond, double storeAloneEventsPerSecond, double articlesPerTransaction) {
        double ratio() {
            return storeEventsPerSecond / jdbcEventsPerSecond;
        }
    }

    static final int JDBC_BATCH_ROWS = 500;
    /** Callers appending at once: the ingest benchmark's concurrency. */
    static final int CALLERS = 4;
    /** At most this many articles to a transaction, the ingest's default. */
    private static final int MAX_ARTICLES_PER_TRANSACTION = 16;
    private static final int STORIES = 1_000;

    private final String url;
    private final String username;
    private final String password;
    private final SyntheticEvents synthetic;
    private final EventStore store = new EventStore(new EventCodec());
    private final List<UUID> stories = new ArrayList<>();
    /** Each side that writes to the store has stories of its own, so that its slices can run in any order. */
    private final int[] versions = new int[2 * STORIES];
    private final int[] nextStory = new int[2];

    AppendBenchmark(String url, String username, String password, SyntheticEvents synthetic) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.synthetic = synthetic;
        for (int i = 0; i < 2 * STORIES; i++) {
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

    /** Slices each side is cut into, taken in turn, so that both meet the same autovacuum, checkpoints and drift. */
    static final int SLICES = 4;

    /**
     * Appends about {@code events} events each way; the first call of a run should be a discarded warm-up. The plain
     * insert and the store take their slices in turn, as do the two detail sides (one caller, one article per
     * transaction), and each side's time is the sum of its slices.
     */
    Round round(int events) throws Exception {
        List<Article> articles = articles(events, 0);
        List<Article> alone = articles(events, 1);
        double jdbc = 0;
        double seconds = 0;
        double perArticle = 0;
        double aloneSeconds = 0;
        AtomicLong transactions = new AtomicLong();
        for (int slice = 0; slice < SLICES; slice++) {
            List<Article> part = slice(articles, slice);
            jdbc += plainInsert(part, JDBC_BATCH_ROWS);
            seconds += storeAppend(part, CALLERS, transactions);
            List<Article> alonePart = slice(alone, slice);
            aloneSeconds += storeAppend(alonePart, 1, new AtomicLong());
            perArticle += plainInsert(part, 0);
        }
        int total = count(articles);
        return new Round(total / seconds, total / jdbc, aloneSeconds * 1000 / alone.size(), total / perArticle,
                count(alone) / aloneSeconds, (double) articles.size() / transactions.get());
    }

    private static List<Article> slice(List<Article> articles, int slice) {
        int size = articles.size();
        return articles.subList(size * slice / SLICES, size * (slice + 1) / SLICES);
    }

    private static int count(List<Article> articles) {
        return articles.stream().mapToInt(a -> a.events().size()).sum();
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

    private record Article(int story, String streamId, int expectedVersion, List<NewEvent> events) {
    }

    /** Articles spread round-robin over many stories, as ingest spreads them over the stories it assigns. */
    private List<Article> articles(int events, int side) {
        List<Article> articles = new ArrayList<>();
        int count = 0;
        while (count < events) {
            int story = side * STORIES + nextStory[side]++ % STORIES;
            List<NewEvent> batch = synthetic.article(stories.get(story), versions[story] == 0);
            articles.add(new Article(story, StoryEvent.streamOf(stories.get(story)), versions[story], batch));
            versions[story] += batch.size();
            count += batch.size();
        }
        return articles;
    }

    /**
     * Appends the articles through a group commit, {@code callers} at once: each caller takes the stories that fall
     * to it and appends their articles in order. Only one transaction runs at a time, so the group commit gets one
     * open connection, as a pool would hand it out again.
     */
    private double storeAppend(List<Article> articles, int callers, AtomicLong transactions) throws Exception {
        try (Connection c = connect()) {
            Connection pooled = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            GroupCommit<AppendBatch> groups = new GroupCommit<>(() -> pooled, x -> store.batch(),
                    (x, batch) -> batch.flush(x), MAX_ARTICLES_PER_TRANSACTION, size -> transactions.incrementAndGet());
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                List<Future<?>> done = new ArrayList<>();
                long started = System.nanoTime();
                for (int t = 0; t < callers; t++) {
                    int caller = t;
                    done.add(pool.submit(() -> {
                        for (Article a : articles) {
                            if (a.story() % callers == caller) {
                                // As the ingest writes an article's two large events on its own thread, ahead.
                                List<NewEvent> events = a.events().stream().map(e -> e.event() instanceof ArticleIngested
                                        || e.event() instanceof ClaimsExtracted ? e.encoded(store.codec()) : e).toList();
                                groups.run((x, batch) -> batch.append(a.streamId(), a.expectedVersion(), events));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                return (System.nanoTime() - started) / 1e9;
            } finally {
                pool.shutdown();
            }
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
