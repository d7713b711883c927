package org.newsroom.bench;

import org.newsroom.events.EventMetadata;
import org.newsroom.events.NewEvent;
import org.newsroom.events.RecordedEvent;
import org.newsroom.events.StoryEvent;
import org.newsroom.events.StoryEvent.ArticleAssignedToStory;
import org.newsroom.events.StoryEvent.ArticleIngested;
import org.newsroom.events.StoryEvent.ClaimsExtracted;
import org.newsroom.events.StoryEvent.StoryOpened;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Realistic events without running the extractor: the ArticleIngested and ClaimsExtracted events the ingest service
 * wrote for the seeds are the templates; each synthetic article gets its own ids, url and times, the seed's text,
 * claims and entities (so offsets stay exact), and the assignment event the service would write.
 */
final class SyntheticEvents {

    private record Template(ArticleIngested ingested, ClaimsExtracted extracted) {
    }

    private final List<Template> templates;
    private final String extractorVersion;
    private long counter;

    private SyntheticEvents(List<Template> templates, String extractorVersion) {
        this.templates = templates;
        this.extractorVersion = extractorVersion;
    }

    /** Templates from stored events, e.g. the seed story's stream. */
    static SyntheticEvents from(List<RecordedEvent> stored) {
        Map<UUID, ArticleIngested> ingested = new LinkedHashMap<>();
        Map<UUID, ClaimsExtracted> extracted = new LinkedHashMap<>();
        String version = "text-analysis/1";
        for (RecordedEvent e : stored) {
            if (e.event() instanceof ArticleIngested i) {
                ingested.put(i.articleId(), i);
                version = e.metadata().extractorVersion();
            } else if (e.event() instanceof ClaimsExtracted c) {
                extracted.put(c.articleId(), c);
            }
        }
        List<Template> templates = new ArrayList<>();
        ingested.forEach((id, i) -> {
            if (extracted.containsKey(id)) {
                templates.add(new Template(i, extracted.get(id)));
            }
        });
        if (templates.isEmpty()) {
            throw new IllegalStateException("no ingested article with claims among " + stored.size() + " events");
        }
        return new SyntheticEvents(templates, version);
    }

    /** The events of one new article in {@code storyId}; the first article of a story also opens it. */
    List<NewEvent> article(UUID storyId, boolean opensStory) {
        long n = counter++;
        Template t = templates.get((int) (n % templates.size()));
        UUID articleId = UUID.randomUUID();
        Instant published = t.ingested().publishedAt().plus(Duration.ofSeconds(n % 86_400));
        List<StoryEvent> events = new ArrayList<>(4);
        if (opensStory) {
            events.add(new StoryOpened(storyId, t.ingested().title(), articleId));
        }
        events.add(new ArticleIngested(articleId, 1, t.ingested().outlet() + " " + (n % 40),
                "https://synthetic.example.org/" + articleId, t.ingested().title(), published, Instant.now(),
                UUID.randomUUID().toString().replace("-", ""), t.ingested().text(), t.ingested().dateline(),
                t.ingested().wireCredits()));
        events.add(new ClaimsExtracted(articleId, 1, t.extracted().claims(), t.extracted().entities()));
        events.add(new ArticleAssignedToStory(articleId, 1, storyId, opensStory ? "opened" : "joined",
                opensStory ? 0.0 : 0.42 + (n % 50) / 100.0, null, null, Map.of("title", 0.3, "entities", 0.2)));
        List<NewEvent> result = new ArrayList<>(events.size());
        UUID causation = null;
        for (StoryEvent e : events) {
            UUID id = UUID.randomUUID();
            result.add(new NewEvent(id, e, new EventMetadata(articleId, causation, extractorVersion)));
            causation = id;
        }
        return result;
    }
}
