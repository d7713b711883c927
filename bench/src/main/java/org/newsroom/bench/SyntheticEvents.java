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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Realistic events without running the extractor: the ArticleIngested and ClaimsExtracted events the ingest service
 * wrote for the seeds are the templates; each synthetic article gets its own ids, url and times, the seed's claims
 * and entities, and the assignment event the service would write. Its text is the seed's with words of four letters
 * or more replaced, each with chance {@link #REWORDED}, by another word of the same length from the seeds: the
 * offsets stay exact, and the claims' and mentions' texts, which schema 2 reads from the article's text, change with
 * it. So no two articles share their text or, but by chance, a sentence, as articles of different outlets seldom do:
 * with the seeds' texts repeated as they are, the view builder's memos of claim and article texts answered for nearly
 * every article, and a replay took a sixth of the CPU that these articles take.
 */
final class SyntheticEvents {

    private record Template(ArticleIngested ingested, ClaimsExtracted extracted) {
    }

    /** The chance that a word of four letters or more is replaced in a synthetic article's text. */
    static final double REWORDED = 0.3;
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{4,}");

    private final List<Template> templates;
    private final String extractorVersion;
    /** The seeds' words of four letters or more, lower-cased, by length. */
    private final Map<Integer, List<String>> words;
    private long counter;

    private SyntheticEvents(List<Template> templates, String extractorVersion) {
        this.templates = templates;
        this.extractorVersion = extractorVersion;
        Map<Integer, Set<String>> distinct = new TreeMap<>();
        for (Template t : templates) {
            Matcher m = WORD.matcher(t.ingested().text());
            while (m.find()) {
                distinct.computeIfAbsent(m.group().length(), n -> new TreeSet<>())
                        .add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        Map<Integer, List<String>> byLength = new HashMap<>();
        distinct.forEach((length, set) -> byLength.put(length, List.copyOf(set)));
        this.words = byLength;
    }

    /**
     * {@code text} with each word of four letters or more replaced, with chance {@link #REWORDED}, by a word of the
     * same length (a capital kept where the word had one); the same {@code seed} gives the same text.
     */
    String reworded(String text, long seed) {
        Random random = new Random(seed);
        char[] chars = text.toCharArray();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (random.nextDouble() >= REWORDED) {
                continue;
            }
            List<String> same = words.get(m.end() - m.start());
            String other = same.get(random.nextInt(same.size()));
            for (int i = 0; i < other.length(); i++) {
                char was = chars[m.start() + i];
                chars[m.start() + i] = Character.isUpperCase(was) ? Character.toUpperCase(other.charAt(i))
                        : other.charAt(i);
            }
        }
        return new String(chars);
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
                // texts left out, so that a reader takes them from the synthetic article's own text
                templates.add(new Template(i, extracted.get(id).withoutTextsOf(i.text())));
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
                UUID.randomUUID().toString().replace("-", ""), reworded(t.ingested().text(), n),
                t.ingested().dateline(), t.ingested().wireCredits()));
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
