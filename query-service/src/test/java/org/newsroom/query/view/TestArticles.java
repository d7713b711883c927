package org.newsroom.query.view;

import org.newsroom.events.StoryEvent.ClaimData;
import org.newsroom.events.StoryEvent.DateData;
import org.newsroom.events.StoryEvent.EntityData;
import org.newsroom.events.StoryEvent.MentionData;
import org.newsroom.events.StoryEvent.QuantityData;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Articles for tests, written as text plus the sentences an extractor would have found in it. */
final class TestArticles {

    static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");
    static final UUID STORY = UUID.fromString("5e0d0000-0000-4000-8000-000000000000");

    private TestArticles() {
    }

    static Builder article(String outlet, int minutesAfterT0, String text) {
        return new Builder(outlet, T0.plusSeconds(60L * minutesAfterT0), text);
    }

    static StoryView build(List<StoryArticle> articles) {
        return new StoryViewBuilder().build(STORY, "A story", 1, T0, articles);
    }

    static final class Builder {
        private final String outlet;
        private final Instant publishedAt;
        private final String text;
        private final List<String> credits = new ArrayList<>();
        private final List<ClaimData> claims = new ArrayList<>();
        private final List<EntityData> entities = new ArrayList<>();

        private Builder(String outlet, Instant publishedAt, String text) {
            this.outlet = outlet;
            this.publishedAt = publishedAt;
            this.text = text;
        }

        Builder credits(String... agencies) {
            credits.addAll(List.of(agencies));
            return this;
        }

        Builder quote(String sentence, String speaker) {
            return claim("QUOTE", sentence, speaker, null, false, null);
        }

        Builder reported(String sentence, String speaker) {
            return claim("REPORTED", sentence, speaker, null, false, null);
        }

        Builder statement(String sentence) {
            return claim("STATEMENT", sentence, null, null, false, null);
        }

        Builder dated(String sentence, LocalDate date) {
            return claim("STATEMENT", sentence, null, null, false, date);
        }

        Builder quantity(String sentence, double value, double low, double high, String unit, String qualifier) {
            return claim("QUANTITY", sentence, null, new QuantityData(value, low, high, unit, qualifier), false, null);
        }

        Builder retractedQuantity(String sentence, double value, String unit, String qualifier) {
            return claim("QUANTITY", sentence, null, new QuantityData(value, value, value, unit, qualifier), true,
                    null);
        }

        Builder entity(String name, String type, String... aliases) {
            List<MentionData> mentions = new ArrayList<>();
            for (String form : concat(name, aliases)) {
                for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length())) {
                    mentions.add(new MentionData(at, at + form.length(), form));
                }
            }
            entities.add(new EntityData(name, type, List.of(aliases), mentions));
            return this;
        }

        private Builder claim(String kind, String sentence, String speaker, QuantityData quantity, boolean retracted,
                              LocalDate date) {
            int start = text.indexOf(sentence);
            if (start < 0) {
                throw new IllegalArgumentException("not in the text: " + sentence);
            }
            List<DateData> dates = date == null ? List.of()
                    : List.of(new DateData(date.toString(), start, start + sentence.length(), date));
            claims.add(new ClaimData("c" + claims.size(), kind, sentence, start, start + sentence.length(), speaker,
                    null, List.of(), retracted, quantity, dates));
            return this;
        }

        StoryArticle build() {
            UUID id = UUID.nameUUIDFromBytes((outlet + "|" + publishedAt).getBytes(StandardCharsets.UTF_8));
            return new StoryArticle(id, outlet, outlet + " report", "https://example.org/" + id, publishedAt, text,
                    List.copyOf(credits), List.copyOf(claims), List.copyOf(entities));
        }

        private static List<String> concat(String first, String[] rest) {
            List<String> all = new ArrayList<>(List.of(first));
            all.addAll(List.of(rest));
            return all;
        }
    }

    /** The claim of a figure: a sentence may state several, told apart by their size (within a third). */
    static StoryView.MergedClaim quantityClaim(StoryView view, String fragment, double about) {
        return view.claims().stream()
                .filter(c -> c.quantity() != null && Math.abs(c.quantity().value() - about) <= about / 3)
                .filter(c -> c.mentions().stream().anyMatch(m -> m.text().contains(fragment)))
                .findFirst().orElseThrow(() -> new AssertionError("no claim of about " + about + " mentions: "
                        + fragment + " in " + view.claims()));
    }

    static StoryView.MergedClaim claimContaining(StoryView view, String fragment) {
        return view.claims().stream()
                .filter(c -> c.mentions().stream().anyMatch(m -> m.text().contains(fragment)))
                .findFirst().orElseThrow(() -> new AssertionError("no claim mentions: " + fragment));
    }
}
