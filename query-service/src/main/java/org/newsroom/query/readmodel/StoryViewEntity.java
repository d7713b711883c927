package org.newsroom.query.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The latest view of one story. Its JSON, served by {@code GET /stories/{id}}, is megabytes for a big story: it is
 * stored in chunks ({@code story_view_chunk}, see {@code ViewChunks}) and read whole from {@code story_view_body}.
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

    public static List<StoryViewEntity> listed() {
        return list("articleCount > 0 order by updatedAt desc, storyId");
    }
}
