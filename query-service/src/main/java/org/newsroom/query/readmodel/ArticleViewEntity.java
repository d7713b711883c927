package org.newsroom.query.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The current revision of one article. Its text, claims and entities stay in its events, where {@link #position}
 * (ArticleIngested) and {@link #claimsPosition} (ClaimsExtracted, null until extracted) point.
 */
@Entity
@Table(name = "article_view")
public class ArticleViewEntity extends PanacheEntityBase {

    @Id
    public UUID articleId;
    public UUID storyId;
    public String outlet;
    public String title;
    public String url;
    public Instant publishedAt;
    public int revision;
    public long position;
    public Long claimsPosition;

    public static List<ArticleViewEntity> ofStory(UUID storyId) {
        return list("storyId", storyId);
    }

    /** Each story's outlets, in the order they first published. */
    public static Map<UUID, List<String>> outletsByStory() {
        Map<UUID, Set<String>> outlets = new LinkedHashMap<>();
        getEntityManager().createQuery("select a.storyId, a.outlet from ArticleViewEntity a "
                        + "order by a.publishedAt, a.articleId", Object[].class).getResultStream()
                .forEach(row -> outlets.computeIfAbsent((UUID) row[0], id -> new LinkedHashSet<>()).add((String) row[1]));
        Map<UUID, List<String>> lists = new LinkedHashMap<>();
        outlets.forEach((story, names) -> lists.put(story, new ArrayList<>(names)));
        return lists;
    }
}
