package org.newsroom.query.api;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newsroom.query.projection.Checkpoints;
import org.newsroom.service.ProblemException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * The latest view of each story as ready-to-send bytes, plain and gzipped, with its entity tag. A big story's view is
 * hundreds of KiB of JSON: reading, encoding and compressing it again for every request would cost far more than
 * checking that it is still current. Each request therefore makes one small query (the story's version and position,
 * and the read model's position, in one snapshot) and sends the bytes made for that exact version. The committed
 * row stays the only source of truth, so every replica answers the same; the cache only saves work.
 */
@ApplicationScoped
public class LatestViews {

    /** One version of a story's view, encoded once. */
    public record Representation(int version, long position, String etag, byte[] json, byte[] gzip) {
    }

    /** What a request is answered from: the representation and the read model's position it reflects. */
    public record Current(Representation view, long projectedPosition) {
    }

    private record Key(UUID storyId, int version, long position) {
    }

    private final AgroalDataSource dataSource;
    private final long budgetBytes;
    private final Map<UUID, Representation> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedBytes;

    public LatestViews(AgroalDataSource dataSource,
                       @ConfigProperty(name = "newsroom.query.view-cache-bytes", defaultValue = "67108864") long budgetBytes) {
        this.dataSource = dataSource;
        this.budgetBytes = budgetBytes;
    }

    /** The story's current view; 404 when there is no story with articles under this id. */
    public Current current(UUID storyId) {
        try (Connection c = dataSource.getConnection()) {
            Key key;
            long projected;
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
                    key = new Key(storyId, rs.getInt(1), rs.getLong(2));
                    projected = rs.getLong(3);
                }
            }
            Representation cached = cached(key);
            return new Current(cached != null ? cached : load(c, storyId), projected);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized Representation cached(Key key) {
        Representation r = cache.get(key.storyId());
        return r != null && r.version() == key.version() && r.position() == key.position() ? r : null;
    }

    /** Reads and encodes the committed view; a newer version than the one just checked is fine, never an older one. */
    private Representation load(Connection c, UUID storyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, position, body FROM story_view WHERE story_id = ? AND article_count > 0")) {
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
                keep(storyId, r);
                return r;
            }
        }
    }

    /** Keeps the newest version of each story, dropping the least recently read stories beyond the byte budget. */
    private synchronized void keep(UUID storyId, Representation r) {
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
        return r.json().length + r.gzip().length;
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
