package org.newsroom.assignment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Where an article goes.
 *
 * @param storyId         the story joined, or null when the article opens a new story
 * @param decision        {@link #JOINED}, {@link #OPENED} or {@link #HINT} (joined the story the client suggested)
 * @param score           score of the story joined; for an opened story, score of the closest candidate (0 if none)
 * @param runnerUpStoryId the next best candidate; for an opened story, the closest candidate
 * @param runnerUpScore   its score, null when there is none
 * @param signals         the components of {@code score}, in [0, 1]
 */
public record Decision(
        UUID storyId,
        String decision,
        double score,
        UUID runnerUpStoryId,
        Double runnerUpScore,
        Map<String, Double> signals) {

    public static final String JOINED = "joined";
    public static final String OPENED = "opened";
    public static final String HINT = "hint";

    public Decision {
        Objects.requireNonNull(decision, "decision");
        signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals));
    }
}
