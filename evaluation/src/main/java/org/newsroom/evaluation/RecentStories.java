package org.newsroom.evaluation;

import org.newsroom.assignment.ArticleFeatures;
import org.newsroom.assignment.Candidate;
import org.newsroom.assignment.StoryProfile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stories and their profiles, as the ingest service keeps them, with its candidate query: the stories active
 * within a time window of the article, most recently active first, at most a few hundred.
 */
final class RecentStories {

    static final Duration WINDOW = Duration.ofDays(30);
    static final int MAX_CANDIDATES = 300;

    private final Map<UUID, StoryProfile> profiles = new LinkedHashMap<>();

    List<Candidate> candidates(Instant at) {
        List<Candidate> recent = new ArrayList<>();
        profiles.forEach((id, profile) -> {
            if (!at.isBefore(profile.firstPublishedAt().minus(WINDOW))
                    && !at.isAfter(profile.lastPublishedAt().plus(WINDOW))) {
                recent.add(new Candidate(id, profile));
            }
        });
        recent.sort(Comparator.comparing((Candidate c) -> c.profile().lastPublishedAt()).reversed()
                .thenComparing(Candidate::storyId));
        return recent.subList(0, Math.min(recent.size(), MAX_CANDIDATES));
    }

    UUID open(ArticleFeatures article) {
        UUID id = UUID.nameUUIDFromBytes(("story-" + profiles.size()).getBytes(StandardCharsets.UTF_8));
        profiles.put(id, StoryProfile.open(article));
        return id;
    }

    void join(UUID story, ArticleFeatures article) {
        profiles.put(story, profiles.get(story).with(article));
    }

    int size() {
        return profiles.size();
    }
}
