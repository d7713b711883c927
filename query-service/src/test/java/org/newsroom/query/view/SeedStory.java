package org.newsroom.query.view;

import com.fasterxml.jackson.databind.JsonNode;
import org.newsroom.events.EventCodec;
import org.newsroom.events.StoryEvent.ClaimData;
import org.newsroom.events.StoryEvent.DateData;
import org.newsroom.events.StoryEvent.EntityData;
import org.newsroom.events.StoryEvent.MentionData;
import org.newsroom.events.StoryEvent.QuantityData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The five seed articles with hand-written claim annotations (seeds/claims.json) standing in for the extractor.
 * Offsets are found by searching each annotated text in its article, so the fixture stays readable.
 */
final class SeedStory {

    private SeedStory() {
    }

    static List<StoryArticle> articles() {
        JsonNode root = read("seeds/claims.json");
        List<StoryArticle> articles = new ArrayList<>();
        for (JsonNode a : root.get("articles")) {
            String text = text("seeds/" + a.get("file").asText());
            List<ClaimData> claims = new ArrayList<>();
            for (JsonNode c : a.get("claims")) {
                claims.add(claim(text, c, claims.size()));
            }
            List<EntityData> entities = new ArrayList<>();
            for (JsonNode e : a.get("entities")) {
                entities.add(entity(text, e));
            }
            List<String> credits = new ArrayList<>();
            a.get("wireCredits").forEach(w -> credits.add(w.asText()));
            UUID id = UUID.fromString(a.get("id").asText());
            articles.add(new StoryArticle(id, a.get("outlet").asText(), a.get("file").asText(), null,
                    Instant.parse(a.get("publishedAt").asText()), text, credits, claims, entities));
        }
        return articles;
    }

    private static ClaimData claim(String text, JsonNode c, int index) {
        String claimText = c.get("text").asText();
        int start = text.indexOf(claimText);
        if (start < 0) {
            throw new IllegalStateException("annotation not in its article: " + claimText);
        }
        QuantityData quantity = null;
        JsonNode q = c.get("quantity");
        if (q != null) {
            quantity = new QuantityData(q.get("value").asDouble(), q.get("low").asDouble(),
                    q.get("high").isNull() ? Double.MAX_VALUE : q.get("high").asDouble(), q.get("unit").asText(),
                    q.get("qualifier").isNull() ? null : q.get("qualifier").asText());
        }
        List<DateData> dates = new ArrayList<>();
        if (c.has("dates")) {
            for (JsonNode d : c.get("dates")) {
                int at = start + claimText.indexOf(d.get("text").asText());
                dates.add(new DateData(d.get("text").asText(), at, at + d.get("text").asText().length(),
                        LocalDate.parse(d.get("date").asText())));
            }
        }
        return new ClaimData("seed-" + index, c.get("kind").asText(), claimText, start, start + claimText.length(),
                c.has("speaker") ? c.get("speaker").asText() : null, null, List.of(),
                c.has("retracted") && c.get("retracted").asBoolean(), quantity, dates);
    }

    /** Mentions are the occurrences of the name and its aliases, longest forms first, without overlaps. */
    private static EntityData entity(String text, JsonNode e) {
        List<String> forms = new ArrayList<>();
        forms.add(e.get("name").asText());
        e.get("aliases").forEach(x -> forms.add(x.asText()));
        List<String> aliases = forms.subList(1, forms.size());
        List<MentionData> mentions = new ArrayList<>();
        forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).forEach(form -> {
            for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
                int s = at;
                if (mentions.stream().noneMatch(m -> s < m.end() && m.start() < s + form.length())) {
                    mentions.add(new MentionData(s, s + form.length(), form));
                }
            }
        });
        mentions.sort(Comparator.comparingInt(MentionData::start));
        return new EntityData(e.get("name").asText(), e.get("type").asText(), List.copyOf(aliases), mentions);
    }

    private static JsonNode read(String resource) {
        try {
            return new EventCodec().mapper().readTree(text(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        try (InputStream in = SeedStory.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
