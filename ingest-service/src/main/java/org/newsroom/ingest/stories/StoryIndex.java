package org.newsroom.ingest.stories;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.newsroom.assignment.StoryProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The ingest side's index of stories, in the table {@code story_index}; written in the append's transaction. */
public final class StoryIndex {

    /** Only stories active within this window of an article's publication are candidates (assignment fades by 30 days). */
    static final Duration WINDOW = Duration.ofDays(30);
    static final int MAX_CANDIDATES = 300;

    public record Entry(UUID storyId, String headline, int streamVersion, int articleCount, Instant lastPublishedAt,
                        StoryProfile profile) {
    }

    private final ObjectMapper mapper;

    public StoryIndex(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<Entry> candidates(Connection c, Instant publishedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + """
                WHERE last_published_at BETWEEN ? AND ?
                ORDER BY last_published_at DESC, story_id
                LIMIT ?
                """)) {
            ps.setTimestamp(1, Timestamp.from(publishedAt.minus(WINDOW)));
            ps.setTimestamp(2, Timestamp.from(publishedAt.plus(WINDOW)));
            ps.setInt(3, MAX_CANDIDATES);
            return readAll(ps);
        }
    }

    public Optional<Entry> find(Connection c, UUID storyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE story_id = ?")) {
            ps.setObject(1, storyId);
            return readAll(ps).stream().findFirst();
        }
    }

    public void save(Connection c, Entry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO story_index (story_id, headline, stream_version, article_count, last_published_at, profile)
                VALUES (?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (story_id) DO UPDATE SET
                    stream_version = excluded.stream_version,
                    article_count = excluded.article_count,
                    last_published_at = excluded.last_published_at,
                    profile = excluded.profile
                """)) {
            ps.setObject(1, e.storyId());
            ps.setString(2, e.headline());
            ps.setInt(3, e.streamVersion());
            ps.setInt(4, e.articleCount());
            ps.setTimestamp(5, Timestamp.from(e.lastPublishedAt()));
            ps.setString(6, mapper.writeValueAsString(e.profile()));
            ps.executeUpdate();
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static final String SELECT = """
            SELECT story_id, headline, stream_version, article_count, last_published_at, profile::text
            FROM story_index
            """;

    private List<Entry> readAll(PreparedStatement ps) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.add(new Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant(), profile(rs.getString(6))));
            }
        }
        return entries;
    }

    private StoryProfile profile(String json) {
        try {
            return mapper.readValue(json, StoryProfile.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
