package org.newsroom.query.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The latest view of one story; {@code body} is the JSON served by {@code GET /stories/{id}}. The body of a big story
 * is megabytes: it is loaded only when read, never for a story list or for the projector's update of the row.
 */
@Entity
@Table(name = "story_view")
public class StoryViewEntity extends PanacheEntityBase {

    @Id
    public UUID storyId;
    public String headline;
    public int articleCount;
    public int outletCount;
    public int claimCount;
    public int contradictionCount;
    public Instant firstPublishedAt;
    public Instant updatedAt;
    public int version;
    public long position;
    @Basic(fetch = FetchType.LAZY)
    public String body;

    public static List<StoryViewEntity> listed() {
        return list("articleCount > 0 order by updatedAt desc, storyId");
    }
}
