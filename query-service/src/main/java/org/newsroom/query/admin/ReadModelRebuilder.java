package org.newsroom.query.admin;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.newsroom.events.Checkpoint;
import org.newsroom.events.EventStore;
import org.newsroom.events.RecordedEvent;
import org.newsroom.query.projection.Checkpoints;
import org.newsroom.query.projection.ProjectionRunner;
import org.newsroom.query.projection.StoryProjection;
import org.newsroom.query.projection.ViewChunks;
import org.newsroom.query.projection.ViewJson;
import org.newsroom.service.ProblemException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Replays every event into a fresh read model in ONE transaction, and switches to it at the end: readers keep
 * seeing the old views until the commit switches them all at once. The fresh model's rows are kept in memory while
 * the log is replayed ({@link ReplayRows}), its views' chunks copied into a table of its own batch by batch, and its
 * tables swapped in for the old ones at the end ({@link FreshReadModel}). Holds the projector lock meanwhile, so no
 * projector interferes.
 */
@ApplicationScoped
public class ReadModelRebuilder {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuilder.class);
    static final Duration LOCK_WAIT = Duration.ofSeconds(15);
    /** Batches read ahead of the one being applied. */
    static final int READ_AHEAD = 2;
    /**
     * What a rebuild did, and where its time went: starting (the fresh tables created, each story's last article
     * found), waiting for events to be read and decoded, applying them and building the views, writing the rows and
     * swapping the tables in; the rest of {@code millis} is the commit.
     */
    public record Result(long events, long millis, double eventsPerSecond, long startMillis, long readMillis,
                         long projectMillis, long writeMillis, long views) {
    }

    /** Replayed events, the nanoseconds of each phase, and how many story views were built. */
    private record Replay(long events, long start, long read, long project, long write, long views) {
    }

    private final ProjectionRunner runner;
    private final Checkpoints checkpoints;
    private final StoryProjection projection;
    private final EventStore store;
    private final AgroalDataSource dataSource;
    private final EntityManager entityManager;
    private final ViewChunks chunks;
    private final int batch;
    private final int heldArticles;

    /**
     * @param batch        events replayed at a time
     * @param heldArticles parsed articles held at most for stories whose views wait for the batch of their last
     *                     article; past it, their articles are read from the log again
     */
    public ReadModelRebuilder(ProjectionRunner runner, Checkpoints checkpoints, StoryProjection projection,
                              ViewJson json, AgroalDataSource dataSource, EntityManager entityManager,
                              ViewChunks chunks,
                              @ConfigProperty(name = "newsroom.rebuild.batch-size", defaultValue = "1000") int batch,
                              @ConfigProperty(name = "newsroom.rebuild.held-articles", defaultValue = "5000")
                              int heldArticles) {
        this.heldArticles = heldArticles;
        this.chunks = chunks;
        this.batch = batch;
        this.runner = runner;
        this.checkpoints = checkpoints;
        this.projection = projection;
        this.store = json.store();
        this.dataSource = dataSource;
        this.entityManager = entityManager;
    }

    public synchronized Result rebuild() throws SQLException, InterruptedException {
        runner.pause();
        try (Connection lock = runner.lockConnection()) {
            Instant deadline = Instant.now().plus(LOCK_WAIT);
            while (!ProjectionRunner.tryLock(lock)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new ProblemException(409, "Conflict",
                            "another query-service instance is projecting and did not release its lock", null);
                }
                Thread.sleep(200);
            }
            long started = System.nanoTime();
            Replay replay = QuarkusTransaction.requiringNew().timeout(3_600).call(this::replayAll);
            long millis = (System.nanoTime() - started) / 1_000_000;
            Result result = new Result(replay.events(), millis, replay.events() * 1000.0 / Math.max(1, millis),
                    replay.start() / 1_000_000, replay.read() / 1_000_000, replay.project() / 1_000_000,
                    replay.write() / 1_000_000, replay.views());
            LOG.infof("read model rebuilt from %d events in %d ms (starting %d ms, reading %d ms, projecting %d ms, "
                            + "writing %d ms), %d story views built", result.events(), millis, result.startMillis(),
                    result.readMillis(), result.projectMillis(), result.writeMillis(), result.views());
            vacuumLater();
            return result;
        } finally {
            runner.resume();
        }
    }

    /** The read model's tables, which a rebuild replaces. */
    static final List<String> READ_MODEL = List.of(ReplayRows.CHUNKS, ReplayRows.STORIES, ReplayRows.ARTICLES);

    /**
     * After the commit, the new tables are analyzed, and vacuumed to set their visibility map, on a connection of its
     * own in the background: the answer does not wait, and a next rebuild waits only for the vacuum's table locks.
     * (When a rebuild deleted the old rows instead, autovacuum did not keep up with rebuilds in a row: with 1.8
     * million dead chunk rows a rebuild of 100,000 events took PostgreSQL 50-60 s of CPU instead of 5.)
     */
    private void vacuumLater() {
        VACUUM.execute(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("VACUUM (ANALYZE) " + String.join(", ", READ_MODEL));
            } catch (SQLException e) {
                LOG.warnf("vacuuming the read model after the rebuild failed (autovacuum will): %s", e.getMessage());
            }
        });
    }

    private static final ExecutorService VACUUM = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rebuild-vacuum");
        t.setDaemon(true);
        return t;
    });

    private Replay replayAll() {
        long begun = System.nanoTime();
        chunks.forgetAll();
        Session session = entityManager.unwrap(Session.class);
        FreshReadModel fresh = session.doReturningWork(c -> FreshReadModel.create(c, READ_MODEL));
        ReplayRows rows = new ReplayRows();
        checkpoints.reset();
        // Where each story's last article is, found before the reader starts: it reads all of them. A story with
        // articles in many batches (a running story, whose articles came between others') is built once, in the
        // batch of its last one, not once per batch from all its articles so far.
        StoryProjection.Waiting waiting = projection.waiting(lastAssignments(), heldArticles);
        long start = System.nanoTime() - begun;
        long views = 0;
        Checkpoint checkpoint = Checkpoint.START;
        long total = 0;
        long read = 0;
        long project = 0;
        long write = 0;
        // The next batches are read and decoded on a thread of their own, on a connection of its own, while this one
        // applies the last: PostgreSQL turning the events into text and Jackson reading them overlap the builds.
        BlockingQueue<Object> ahead = new ArrayBlockingQueue<>(READ_AHEAD);
        Thread reader = new Thread(() -> readAhead(ahead), "rebuild-reader");
        reader.setDaemon(true);
        reader.start();
        // A batch's views are built on the builders' threads while this one stores the batch before it: the
        // connection and the cores are both busy. The views are pure functions of what prepare gathered, and each is
        // a task of its own, so the next batch's views fill in while the last of this one's are built.
        CompletableFuture<StoryProjection.Built> building = null;
        try {
            while (true) {
                long started = System.nanoTime();
                Object next = ahead.take();
                if (next instanceof Throwable t) {
                    throw new IllegalStateException("reading the log for the rebuild failed", t);
                }
                @SuppressWarnings("unchecked")
                List<RecordedEvent> events = (List<RecordedEvent>) next;
                long readDone = System.nanoTime();
                read += readDone - started;
                if (events.isEmpty()) {
                    if (building != null) {
                        projection.store(building.join());
                    }
                    if (!waiting.owed().isEmpty()) {
                        throw new IllegalStateException(waiting.owed().size() + " stories had later articles that "
                                + "the replay never read, and no view: " + waiting.owed().stream().limit(5).toList());
                    }
                    session.doWork(c -> {
                        rows.finish(c);
                        fresh.swap(c, LOCK_WAIT.toMillis());
                    });
                    write += System.nanoTime() - readDone;
                    return new Replay(total, start, read, project, write, views);
                }
                StoryProjection.Prepared prepared = projection.prepare(events, false, waiting, rows);
                views += prepared.pending().size();
                checkpoint = checkpoints.advance(checkpoint, events);
                CompletableFuture<StoryProjection.Built> built = projection.buildAsync(prepared);
                if (building != null) {
                    projection.store(building.join());
                }
                building = built;
                project += System.nanoTime() - readDone;
                total += events.size();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } finally {
            reader.interrupt();
            if (building != null) {
                building.cancel(false);
            }
        }
    }

    private Map<UUID, Checkpoint> lastAssignments() {
        try (Connection c = dataSource.getConnection()) {
            return store.lastAssignments(c);
        } catch (SQLException e) {
            throw new IllegalStateException("reading where each story's articles end failed", e);
        }
    }

    /** Reads the whole log batch by batch into {@code ahead}, an empty batch last, or the failure. */
    private void readAhead(BlockingQueue<Object> ahead) {
        try (Connection c = dataSource.getConnection()) {
            Checkpoint checkpoint = Checkpoint.START;
            while (true) {
                List<RecordedEvent> events = store.readAfter(c, checkpoint, batch);
                ahead.put(events);
                if (events.isEmpty()) {
                    return;
                }
                checkpoint = Checkpoint.at(events.get(events.size() - 1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            try {
                ahead.put(e);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
