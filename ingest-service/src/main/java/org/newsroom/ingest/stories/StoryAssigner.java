package org.newsroom.ingest.stories;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Decides which story an article belongs to: the most similar recent story above a threshold, or a new one. */
public final class StoryAssigner {

    /** Similarity from which an article joins a story. */
    static final double JOIN_THRESHOLD = 0.30;
    /** A client's hint is followed from this lower similarity, since the client knows something we may not. */
    static final double HINT_THRESHOLD = 0.15;

    public record Candidate(UUID storyId, StoryProfile profile) {
    }

    public record Decision(UUID storyId, String decision, double score, UUID runnerUpStoryId, Double runnerUpScore) {

        public boolean opensStory() {
            return storyId == null;
        }
    }

    private record Scored(UUID storyId, double score) {
    }

    public Decision assign(StoryProfile article, List<Candidate> candidates, UUID hint) {
        List<Scored> ranked = candidates.stream()
                .map(c -> new Scored(c.storyId(), c.profile().similarity(article)))
                .sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::storyId))
                .toList();
        Scored best = ranked.isEmpty() ? null : ranked.get(0);
        Scored runnerUp = ranked.size() > 1 ? ranked.get(1) : null;
        if (hint != null) {
            Scored hinted = ranked.stream().filter(s -> s.storyId().equals(hint)).findFirst().orElse(null);
            if (hinted != null && hinted.score() >= HINT_THRESHOLD) {
                Scored other = best != null && !best.storyId().equals(hint) ? best : runnerUp;
                return new Decision(hint, "hint", hinted.score(), other == null ? null : other.storyId(),
                        other == null ? null : other.score());
            }
        }
        if (best != null && best.score() >= JOIN_THRESHOLD) {
            return new Decision(best.storyId(), "joined", best.score(), runnerUp == null ? null : runnerUp.storyId(),
                    runnerUp == null ? null : runnerUp.score());
        }
        return new Decision(null, "opened", best == null ? 0 : best.score(), best == null ? null : best.storyId(),
                best == null ? null : best.score());
    }
}
