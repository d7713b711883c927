package org.newsroom.query.projection;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.newsroom.events.Checkpoint;
import org.newsroom.events.EventStore;
import org.newsroom.events.RecordedEvent;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows the event log into the read model. Only the instance holding a PostgreSQL advisory lock projects;
 * the others wait to take over. LISTEN/NOTIFY wakes the loop early; polling is the fallback.
 */
@ApplicationScoped
public class ProjectionRunner {

    private static final Logger LOG = Logger.getLogger(ProjectionRunner.class);
    private static final long PROJECTOR_LOCK = 0x50726f6a6563746fL; // "Projecto"
    /** Notified in each batch's transaction, so every instance hears of new story views once they are committed. */
    public static final String VIEWS_CHANNEL = "newsroom_story_views";

    public enum Role { STARTING, ACTIVE, STANDBY, STOPPED }

    private final AgroalDataSource dataSource;
    private final EventStore store;
    private final StoryProjection projection;
    private final Checkpoints checkpoints;
    private final int batchSize;
    private final Duration pollInterval;
    private final String jdbcUrl;
    private final String username;
    private final Optional<String> password;
    private final double busyShare;
    private final Timer batchTimer;
    private final AtomicReference<Role> role = new AtomicReference<>(Role.STARTING);
    private volatile Instant lastProgress = Instant.now();
    private volatile long lastPosition;
    private volatile Instant lastEventRecordedAt = Instant.now();
    private volatile boolean pending;
    private volatile boolean running;
    private Thread thread;

    public ProjectionRunner(AgroalDataSource dataSource, ViewJson json, StoryProjection projection,
                            Checkpoints checkpoints, MeterRegistry metrics,
                            @ConfigProperty(name = "newsroom.projection.batch-size", defaultValue = "500") int batchSize,
                            @ConfigProperty(name = "newsroom.projection.poll-interval", defaultValue = "PT1S") Duration pollInterval,
                            @ConfigProperty(name = "newsroom.projection.busy-share", defaultValue = "0.5") double busyShare,
                            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String username,
                            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.dataSource = dataSource;
        this.store = json.store();
        this.projection = projection;
        this.checkpoints = checkpoints;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        if (!(busyShare > 0 && busyShare <= 1)) {
            throw new IllegalArgumentException("newsroom.projection.busy-share must be above 0 and at most 1, not "
                    + busyShare);
        }
        this.busyShare = busyShare;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.batchTimer = Timer.builder("newsroom.projection.batch")
                .description("time to apply one batch of events and commit it with the checkpoint").register(metrics);
        Gauge.builder("newsroom.projection.active", () -> role.get() == Role.ACTIVE ? 1 : 0)
                .description("1 when this instance holds the projector lock").register(metrics);
        Gauge.builder("newsroom.projection.position", () -> lastPosition)
                .description("global position of the last event this instance applied").register(metrics);
        Gauge.builder("newsroom.projection.lag.seconds",
                        () -> pending ? Duration.between(lastEventRecordedAt, Instant.now()).toMillis() / 1000.0 : 0)
                .description("age of the oldest unapplied event seen by the active projector").register(metrics);
    }

    void onStart(@Observes StartupEvent ignored) {
        resume();
    }

    void onStop(@Observes ShutdownEvent ignored) throws InterruptedException {
        pause();
        role.set(Role.STOPPED);
    }

    /** Starts following the log (taking the lock when free). */
    public synchronized void resume() {
        if (thread != null && thread.isAlive()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "projector");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops following the log and releases the lock; the checkpoint stays where it is. Waits for a batch in progress
     * to end, so that two projector threads of one instance never overlap.
     */
    public synchronized void pause() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            wake();
            thread.join();
            thread = null;
        }
        role.set(Role.STARTING);
    }

    /**
     * Ends the projector's wait for a notification at once: an interrupt does not end a wait on a socket, which
     * would otherwise last up to the poll interval (a rebuild would start up to a second late). Nobody reads the
     * events channel's payload.
     */
    private void wake() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("NOTIFY " + EventStore.CHANNEL);
        } catch (SQLException e) {
            LOG.debugf("could not wake the projector (it stops within the poll interval): %s", e.getMessage());
        }
    }

    public Role role() {
        return role.get();
    }

    public Instant lastProgress() {
        return lastProgress;
    }

    private void run() {
        while (running) {
            try (Connection lock = lockConnection()) {
                if (!tryLock(lock)) {
                    role.set(Role.STANDBY);
                    sleep(pollInterval);
                    continue;
                }
                role.set(Role.ACTIVE);
                LOG.info("projector lock acquired: this instance projects the event log");
                try (Statement s = lock.createStatement()) {
                    s.execute("LISTEN " + EventStore.CHANNEL);
                }
                follow(lock);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("projector paused: %s", e.getMessage());
                    role.set(Role.STARTING);
                    sleep(pollInterval);
                }
            }
        }
    }

    private void follow(Connection lock) throws SQLException {
        PGConnection listener = lock.unwrap(PGConnection.class);
        while (running) {
            int applied = catchUp();
            if (applied == 0) {
                // Waits for a notification or the poll interval; also proves the lock connection is alive.
                listener.getNotifications((int) pollInterval.toMillis());
            }
        }
    }

    /** Applies all events available now, batch by batch; returns how many. */
    public int catchUp() throws SQLException {
        int total = 0;
        while (running) {
            long started = System.nanoTime();
            Checkpoint checkpoint = checkpoints.read();
            List<RecordedEvent> batch;
            try (Connection c = dataSource.getConnection()) {
                batch = store.readAfter(c, checkpoint, batchSize);
            }
            if (batch.isEmpty()) {
                lastProgress = Instant.now();
                pending = false;
                return total;
            }
            pending = true;
            lastEventRecordedAt = batch.get(0).recordedAt();
            long read = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> {
                projection.apply(batch);
                checkpoints.advance(checkpoint, batch);
            });
            long committed = System.nanoTime();
            batchTimer.record(committed - read, TimeUnit.NANOSECONDS);
            if (LOG.isDebugEnabled()) {
                LOG.debugf("projected %d events in %.1f ms (read %.1f ms), %.0f ms after the first was recorded",
                        batch.size(), (committed - read) / 1e6, (read - started) / 1e6,
                        Duration.between(batch.get(0).recordedAt(), Instant.now()).toNanos() / 1e6);
            }
            lastProgress = Instant.now();
            lastPosition = batch.get(batch.size() - 1).position();
            total += batch.size();
            if (batch.size() < batchSize) {
                pace(committed - started);
            }
        }
        return total;
    }

    /** Batches cheaper than this are never followed by a pause. */
    static final long PACE_FROM_NANOS = 20_000_000L;
    /**
     * What a pause may add up to, with the batch before it and the one after: an article that arrives as a batch
     * starts waits for that batch, the pause and its own batch. Pauses shrink as batches grow dearer, and stop once
     * two batches take this long.
     */
    static final long PACED_WAIT_NANOS = 150_000_000L;

    /**
     * Following a live log (the batch reached its head), an expensive batch is followed by a pause, so that the
     * projector is busy at most {@code newsroom.projection.busy-share} of the time, as long as the pause keeps an
     * article's wait within {@link #PACED_WAIT_NANOS}. Rebuilding a large story's view costs about as much for one
     * new article as for ten: a projector that starts the next build the moment the last one ends takes a whole core
     * while articles come in one by one, from the ingest service on the same host and from readers. Pausing gathers
     * more articles into each build. A backlog (full batches) is never paused.
     */
    private void pace(long busyNanos) {
        long pause = pauseNanos(busyNanos, busyShare);
        if (pause == 0) {
            return;
        }
        try {
            Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** The pause after a batch that reached the log's head and kept the projector busy {@code busyNanos}; 0 for none. */
    static long pauseNanos(long busyNanos, double busyShare) {
        if (busyShare >= 1 || busyNanos < PACE_FROM_NANOS) {
            return 0;
        }
        return Math.max(0, Math.min(Math.round(busyNanos * (1 / busyShare - 1)), PACED_WAIT_NANOS - 2 * busyNanos));
    }

    /** Opens a connection of its own, outside the pool: closing it releases the session's advisory lock. */
    public Connection lockConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password.orElse(null));
    }

    public static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, PROJECTOR_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
