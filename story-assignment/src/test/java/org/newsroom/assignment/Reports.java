package org.newsroom.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Invented news reports for the tests, and the in-memory story list an ingest service would keep. */
final class Reports {

    static final ArticleEmbedder EMBEDDER = new ArticleEmbedder();

    private Reports() {
    }

    static ArticleFeatures report(String date, String title, String lead, List<String> entities,
                                  List<String> quantities, List<String> quotes) {
        return EMBEDDER.features(title, lead, entities, quantities, quotes, Instant.parse(date + "T12:00:00Z"));
    }

    /** Stories built by feeding articles through an assigner, as the ingest service does. */
    static final class Stories {

        private final StoryAssigner assigner = new StoryAssigner();
        private final List<Candidate> stories = new ArrayList<>();
        private final List<Decision> decisions = new ArrayList<>();

        UUID add(ArticleFeatures article) {
            return add(article, null);
        }

        UUID add(ArticleFeatures article, UUID hint) {
            Decision decision = assigner.assign(article, List.copyOf(stories), hint);
            decisions.add(decision);
            if (decision.storyId() == null) {
                UUID id = new UUID(0, stories.size() + 1);
                stories.add(new Candidate(id, StoryProfile.open(article)));
                return id;
            }
            for (int i = 0; i < stories.size(); i++) {
                Candidate story = stories.get(i);
                if (story.storyId().equals(decision.storyId())) {
                    stories.set(i, new Candidate(story.storyId(), story.profile().with(article)));
                }
            }
            return decision.storyId();
        }

        Decision lastDecision() {
            return decisions.get(decisions.size() - 1);
        }

        List<Candidate> candidates() {
            return List.copyOf(stories);
        }
    }
}
