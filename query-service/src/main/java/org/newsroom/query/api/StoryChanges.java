package org.newsroom.query.api;

import java.util.List;
import java.util.UUID;

/** What changed in a story after a given version. */
public record StoryChanges(UUID storyId, int since, int version, List<Change> changes) {

    /**
     * One change: {@code CLAIM_ADDED}, {@code MENTIONS_ADDED}, {@code STATUS_CHANGED} or {@code CONTRADICTION_ADDED}.
     */
    public record Change(String type, String claimId, String text, String status, String previousStatus,
                         int newMentions) {
    }
}
