package org.newsroom.assignment;

import java.util.Objects;
import java.util.UUID;

/** A recent story the article may join. */
public record Candidate(UUID storyId, StoryProfile profile) {

    public Candidate {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(profile, "profile");
    }
}
