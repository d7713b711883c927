package org.newsroom.query.projection;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows the event log into the read model. Only the instance holding a PostgreSQL advisory lock projects;
 * the others wait to take over. LISTEN/NOTIFY wakes the loop early; polling is the fallback.
 */
@ApplicationScoped
public class ProjectionRunner {

    private static final Logger LOG = Logger.getLogger(ProjectionRunner.class);
    public static final String NAME = "story-view";
    private static final long PROJECTOR_LOCK = 0x50726f6a6563746fL; // "Projecto"
    /** Notified in each batch's transaction, so every instance hears of new story views once they are committed. */
    public static final String VIEWS_CHANNEL = "newsroom_story_views";

    public enum Role { STARTING, ACTIVE, STANDBY, STOPPED }

    private final AgroalDataSource dataSource;
    private final EventStore store;
    private final StoryProjection projection;
    private final EntityManager entityManager;
    private final int batchSize;
    private final Duration pollInterval;
    private final String jdbcUrl;
    private final String username;
    private final Optional<String> password;
    private final AtomicReference<Role> role = new AtomicReference<>(Role.STARTING);
    private volatile Instant lastProgress = Instant.now();
    private volatile boolean running;
    private Thread thread;

    public ProjectionRunner(AgroalDataSource dataSource, ViewJson json, StoryProjection projection,
                            EntityManager entityManager, MeterRegistry metrics,
                            @ConfigProperty(name = "newsroom.projection.batch-size", defaultValue = "500") int batchSize,
                            @ConfigProperty(name = "newsroom.projection.poll-interval", defaultValue = "PT1S") Duration pollInterval,
                            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String username,
                            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.dataSource = dataSource;
        this.store = json.store();
        this.projection = projection;
        this.entityManager = entityManager;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        Gauge.builder("newsroom.projection.active", () -> role.get() == Role.ACTIVE ? 1 : 0).register(metrics);
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
        running = true;
        thread = new Thread(this::run, "projector");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops following the log and releases the lock; the checkpoint stays where it is. */
    public synchronized void pause() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(10_000);
        }
        role.set(Role.STARTING);
    }

    public Role role() {
        return role.get();
    }

    public Instant lastProgress() {
        return lastProgress;
    }

    private void run() {
        while (running) {
            // A connection of its own, outside the pool: closing it must release the session's advisory lock.
            try (Connection lock = DriverManager.getConnection(jdbcUrl, username, password.orElse(null))) {
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
            Checkpoint checkpoint = checkpoint();
            List<RecordedEvent> batch;
            try (Connection c = dataSource.getConnection()) {
                batch = store.readAfter(c, checkpoint, batchSize);
            }
            if (batch.isEmpty()) {
                lastProgress = Instant.now();
                return total;
            }
            QuarkusTransaction.requiringNew().run(() -> applyBatch(checkpoint, batch));
            lastProgress = Instant.now();
            total += batch.size();
        }
        return total;
    }

    private void applyBatch(Checkpoint from, List<RecordedEvent> batch) {
        batch.forEach(projection::apply);
        RecordedEvent last = batch.get(batch.size() - 1);
        long maxPosition = batch.stream().mapToLong(RecordedEvent::position).max().orElseThrow();
        entityManager.flush();
        int moved = entityManager.createNativeQuery("""
                        UPDATE projection_checkpoint
                        SET transaction_id = CAST(CAST(?1 AS text) AS xid8), position = ?2,
                            max_position = greatest(max_position, ?3), updated_at = now()
                        WHERE name = ?4 AND transaction_id = CAST(CAST(?5 AS text) AS xid8) AND position = ?6
                        """)
                .setParameter(1, Long.toUnsignedString(last.transactionId()))
                .setParameter(2, last.position())
                .setParameter(3, maxPosition)
                .setParameter(4, NAME)
                .setParameter(5, Long.toUnsignedString(from.transactionId()))
                .setParameter(6, from.position())
                .executeUpdate();
        if (moved != 1) {
            throw new IllegalStateException("checkpoint moved by another projector; batch rolled back");
        }
        entityManager.createNativeQuery("NOTIFY " + VIEWS_CHANNEL).executeUpdate();
    }

    private Checkpoint checkpoint() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO projection_checkpoint (name, transaction_id, position, max_position)
                    VALUES (?, '0', 0, 0) ON CONFLICT (name) DO NOTHING
                    """)) {
                ps.setString(1, NAME);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT transaction_id::text, position FROM projection_checkpoint WHERE name = ?")) {
                ps.setString(1, NAME);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Checkpoint(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2));
                }
            }
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
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
