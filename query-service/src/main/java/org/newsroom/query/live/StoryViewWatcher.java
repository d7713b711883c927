package org.newsroom.query.live;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.newsroom.query.api.LatestViews;
import org.newsroom.query.projection.Checkpoints;
import org.newsroom.query.projection.ProjectionRunner;
import org.newsroom.query.projection.ViewChange;
import org.newsroom.service.ProblemException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells connected readers, and the cache of {@link LatestViews}, when a story's view changes, on every replica alike.
 * The committed {@code story_view} row is the only source of truth: the projector's {@code NOTIFY} (sent in its batch
 * transaction, so delivered only after commit, to every instance) wakes the loop early, and a poll of the watched
 * stories is the fallback for a notification lost while the listening connection was down.
 */
@ApplicationScoped
public class StoryViewWatcher {

    private static final Logger LOG = Logger.getLogger(StoryViewWatcher.class);

    /** The version of a story's view and the global position of the event that produced it. */
    public record StoryVersion(int version, long position) {
    }

    private final AgroalDataSource dataSource;
    private final LatestViews views;
    private final Duration pollInterval;
    private final Map<UUID, Set<Follower>> followers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;

    public StoryViewWatcher(AgroalDataSource dataSource, LatestViews views,
                            @ConfigProperty(name = "newsroom.live.poll-interval", defaultValue = "PT1S") Duration pollInterval) {
        this.dataSource = dataSource;
        this.views = views;
        this.pollInterval = pollInterval;
    }

    void onStart(@Observes StartupEvent ignored) {
        running = true;
        thread = new Thread(this::run, "story-view-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }

    /**
     * The story's versions after {@code since} (or after the current one when null), as they are committed.
     * A reader that passes the version it shows misses nothing that was committed in between.
     */
    public Multi<StoryVersion> follow(UUID storyId, Integer since) {
        StoryVersion current;
        try (Connection c = dataSource.getConnection()) {
            current = current(c, storyId).orElseThrow(() ->
                    ProblemException.notFound("no story with id '" + storyId + "'"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        int after = since == null ? current.version() : since;
        return Multi.createFrom().emitter(emitter -> {
            Follower follower = new Follower(emitter, after);
            followers.computeIfAbsent(storyId, id -> ConcurrentHashMap.newKeySet()).add(follower);
            emitter.onTermination(() -> followers.computeIfPresent(storyId, (id, set) -> {
                set.remove(follower);
                return set.isEmpty() ? null : set;
            }));
            follower.offer(current);
        });
    }

    /** How many readers follow a story on this instance. */
    public int followers(UUID storyId) {
        return followers.getOrDefault(storyId, Set.of()).size();
    }

    private void run() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + ProjectionRunner.VIEWS_CHANNEL);
                }
                PGConnection listener = c.unwrap(PGConnection.class);
                views.listening(projectedPosition(c));
                while (running) {
                    publish(c);
                    PGNotification[] received = listener.getNotifications((int) pollInterval.toMillis());
                    for (PGNotification n : received == null ? new PGNotification[0] : received) {
                        views.changed(ViewChange.parse(n.getParameter()));
                    }
                }
                views.notListening();
            } catch (SQLException | RuntimeException e) {
                views.notListening();
                if (running) {
                    LOG.warnf("live story updates paused: %s", e.getMessage());
                    sleep();
                }
            }
        }
    }

    /** Reads the committed version of every followed story and hands newer ones to their followers. */
    private void publish(Connection c) throws SQLException {
        if (followers.isEmpty()) {
            return;
        }
        Array ids = c.createArrayOf("uuid", followers.keySet().toArray());
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT story_id, version, position FROM story_view WHERE story_id = ANY (?) AND article_count > 0")) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoryVersion version = new StoryVersion(rs.getInt(2), rs.getLong(3));
                    followers.getOrDefault(rs.getObject(1, UUID.class), Set.of()).forEach(f -> f.offer(version));
                }
            }
        }
    }

    private static long projectedPosition(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(max_position), 0) FROM projection_checkpoint WHERE name = ?")) {
            ps.setString(1, Checkpoints.NAME);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Optional<StoryVersion> current(Connection c, UUID storyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, position FROM story_view WHERE story_id = ? AND article_count > 0")) {
            ps.setObject(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoryVersion(rs.getInt(1), rs.getLong(2))) : Optional.empty();
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** One connected reader; versions reach it once each and in order, whichever thread finds them. */
    private static final class Follower {
        private final MultiEmitter<? super StoryVersion> emitter;
        private int last;

        Follower(MultiEmitter<? super StoryVersion> emitter, int after) {
            this.emitter = emitter;
            this.last = after;
        }

        synchronized void offer(StoryVersion version) {
            if (version.version() > last && !emitter.isCancelled()) {
                last = version.version();
                emitter.emit(version);
            }
        }
    }
}
