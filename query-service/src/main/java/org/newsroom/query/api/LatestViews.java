package org.newsroom.query.api;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newsroom.query.projection.Checkpoints;
import org.newsroom.query.projection.ViewChange;
import org.newsroom.service.ProblemException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * The latest view of each story as ready-to-send bytes, plain and gzipped, with its entity tag. A big story's view is
 * hundreds of KiB of JSON: reading, encoding and compressing it for every request would cost far more than the
 * request itself.
 * <p>
 * The committed {@code story_view} row stays the source of truth. While this instance listens to the projector's
 * notifications ({@link ViewChange}: which stories a commit changed, delivered after the commit, to every instance),
 * a cached view is current until a notification names its story, and is served without touching the database.
 * A view read from the database is kept only if no notification for its story arrived since the read began, so a
 * slow read never reinstates an older version. Without the listener (not yet connected, or its connection lost),
 * and for read-your-writes requests, every request checks the story's version in the database first.
 */
@ApplicationScoped
public class LatestViews {

    /**
     * One version of a story's view, encoded once. The gzipped bytes are also kept off the heap ({@code gzipDirect},
     * read-only; send a duplicate), which a socket is written from without copying them first.
     */
    public record Representation(int version, long position, String etag, byte[] json, byte[] gzip,
                                 ByteBuffer gzipDirect) {

        Representation(int version, long position, String etag, byte[] json, byte[] gzip) {
            this(version, position, etag, json, gzip,
                    ByteBuffer.allocateDirect(gzip.length).put(gzip).flip().asReadOnlyBuffer());
        }
    }

    /** What a request is answered from: the representation and the read model's position it reflects. */
    public record Current(Representation view, long projectedPosition) {
    }

    private final AgroalDataSource dataSource;
    private final long budgetBytes;
    private final Map<UUID, Representation> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedBytes;

    private volatile boolean listening;
    private final AtomicLong projected = new AtomicLong();
    /** Notifications handled so far; a read remembers the count it started at. */
    private final AtomicLong changes = new AtomicLong();
    /** The count at each story's latest change, and below which reads are too old to keep whatever their story. */
    private final Map<UUID, Long> changedAt = new ConcurrentHashMap<>();
    private volatile long forgottenBefore;

    public LatestViews(AgroalDataSource dataSource,
                       @ConfigProperty(name = "newsroom.query.view-cache-bytes", defaultValue = "67108864") long budgetBytes) {
        this.dataSource = dataSource;
        this.budgetBytes = budgetBytes;
    }

    /**
     * The story's current view; 404 when there is no story with articles under this id.
     *
     * @param checked read the story's version from the database even when a notification would have said otherwise
     *                (a request that waited for a position must see at least that position)
     */
    public Current current(UUID storyId, boolean checked) {
        long started = changes.get();
        Current known = checked ? null : known(storyId);
        if (known != null) {
            return known;
        }
        try (Connection c = dataSource.getConnection()) {
            int version;
            long position;
            long projectedNow;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.version, s.position, coalesce(p.max_position, 0)
                    FROM story_view s LEFT JOIN projection_checkpoint p ON p.name = ?
                    WHERE s.story_id = ? AND s.article_count > 0
                    """)) {
                ps.setString(1, Checkpoints.NAME);
                ps.setObject(2, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ProblemException.notFound("no story with id '" + storyId + "'");
                    }
                    version = rs.getInt(1);
                    position = rs.getLong(2);
                    projectedNow = rs.getLong(3);
                }
            }
            Representation cached = cached(storyId);
            if (cached == null || cached.version() != version || cached.position() != position) {
                cached = load(c, storyId, started);
            }
            return new Current(cached, Math.max(projectedNow, cached.position()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The story's current view if this instance knows it without asking the database (listening, and cached since
     * the last change of the story), else null. Never blocks: fit for the event loop.
     */
    public Current known(UUID storyId) {
        if (!listening) {
            return null;
        }
        Representation cached = cached(storyId);
        return cached == null ? null : new Current(cached, Math.max(projected.get(), cached.position()));
    }

    /** The listener is connected, at this position: from now on every change is announced. */
    public void listening(long projectedPosition) {
        forget(changes.incrementAndGet());
        projected.set(projectedPosition);
        listening = true;
    }

    /** The listener is down: changes may go unannounced until it is back. */
    public void notListening() {
        listening = false;
        forget(changes.incrementAndGet());
    }

    /** A projector commit, as its notification tells it. */
    public void changed(ViewChange change) {
        long count = changes.incrementAndGet();
        projected.accumulateAndGet(change.projectedPosition(), Math::max);
        if (change.stories() == null || changedAt.size() > 100_000) {
            forget(count);
            return;
        }
        synchronized (this) {
            for (UUID story : change.stories()) {
                changedAt.put(story, count);
                Representation dropped = cache.remove(story);
                if (dropped != null) {
                    cachedBytes -= size(dropped);
                }
            }
        }
    }

    private synchronized void forget(long count) {
        forgottenBefore = count;
        changedAt.clear();
        cache.clear();
        cachedBytes = 0;
    }

    private synchronized Representation cached(UUID storyId) {
        return cache.get(storyId);
    }

    /** Reads and encodes the committed view; a newer version than the one just checked is fine, never an older one. */
    private Representation load(Connection c, UUID storyId, long started) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, position, body FROM story_view_body WHERE story_id = ? AND article_count > 0")) {
            ps.setObject(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("no story with id '" + storyId + "'");
                }
                int version = rs.getInt(1);
                long position = rs.getLong(2);
                byte[] json = rs.getString(3).getBytes(StandardCharsets.UTF_8);
                Representation r = new Representation(version, position, etag(storyId, version, position), json,
                        gzip(json));
                keep(storyId, r, started);
                return r;
            }
        }
    }

    /**
     * Keeps the view unless a change of its story was announced after the read began, dropping the least recently
     * read stories beyond the byte budget.
     */
    private synchronized void keep(UUID storyId, Representation r, long started) {
        if (started < forgottenBefore || changedAt.getOrDefault(storyId, 0L) > started) {
            return;
        }
        Representation old = cache.get(storyId);
        if (old != null && (old.version() > r.version() || old.position() > r.position())) {
            return;
        }
        if (old != null) {
            cachedBytes -= size(old);
        }
        cache.put(storyId, r);
        cachedBytes += size(r);
        Iterator<Representation> eldest = cache.values().iterator();
        while (cachedBytes > budgetBytes && eldest.hasNext()) {
            Representation dropped = eldest.next();
            if (dropped == r) {
                continue;
            }
            cachedBytes -= size(dropped);
            eldest.remove();
        }
    }

    private static long size(Representation r) {
        return r.json().length + 2L * r.gzip().length;
    }

    /** Strong tag: the story's version and the position of the event that made it, so a rebuild keeps the tags. */
    static String etag(UUID storyId, int version, long position) {
        return "\"" + storyId.toString().substring(0, 8) + "-" + version + "-" + position + "\"";
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192)) {
            zip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
