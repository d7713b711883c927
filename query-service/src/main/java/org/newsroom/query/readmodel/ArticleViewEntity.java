package org.newsroom.query.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The current revision of one article: its text and what was extracted from it ({@code body} JSON). */
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
    public String body;

    public static List<ArticleViewEntity> ofStory(UUID storyId) {
        return list("storyId", storyId);
    }
}
