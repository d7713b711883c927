package org.newsroom.query.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One past version of a story view, kept for {@code ?version=} and {@code ?asOf=}. */
@Entity
@Table(name = "story_view_history")
@IdClass(StoryVersionEntity.Key.class)
public class StoryVersionEntity extends PanacheEntityBase {

    public record Key(UUID storyId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    public UUID storyId;
    @Id
    public int version;
    public Instant recordedAt;
    public long position;
    @ColumnTransformer(read = "body::text", write = "?::jsonb")
    public String body;

    /** The latest version at or before {@code version}. */
    public static Optional<StoryVersionEntity> atVersion(UUID storyId, int version) {
        return find("storyId = ?1 and version <= ?2 order by version desc", storyId, version).firstResultOptional();
    }

    /** The version that was current at {@code instant}. */
    public static Optional<StoryVersionEntity> asOf(UUID storyId, Instant instant) {
        return find("storyId = ?1 and recordedAt <= ?2 order by version desc", storyId, instant).firstResultOptional();
    }

    /** A version of a story and when it was recorded, without its body. */
    public record Mark(int version, Instant recordedAt) {
    }

    /** Every version of the story, oldest first. */
    public static List<Mark> marks(UUID storyId) {
        return getEntityManager().createQuery("select v.version, v.recordedAt from StoryVersionEntity v "
                        + "where v.storyId = ?1 order by v.version", Object[].class)
                .setParameter(1, storyId).getResultStream()
                .map(row -> new Mark((Integer) row[0], (Instant) row[1])).toList();
    }
}
