package org.newsroom.query.view;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The story so far, exactly as {@code GET /stories/{id}} serves it. */
public record StoryView(UUID id, String headline, int version, Instant asOf, List<ArticleRef> articles,
                        List<MergedClaim> claims, List<Contradiction> contradictions, List<EntitySummary> entities,
                        List<TimelineEntry> timeline) {

    public record ArticleRef(UUID id, String outlet, String title, String url, Instant publishedAt) {
    }

    public record MergedClaim(String id, String kind, String text, String speaker, QuantityView quantity,
                              String status, int outletCount, int independentOutletCount,
                              FirstReported firstReported, List<MentionView> mentions) {
    }

    /** {@code high} is null for an open range ("at least 40"). */
    public record QuantityView(double value, double low, Double high, String unit, String qualifier,
                               boolean retracted) {
    }

    public record FirstReported(String outlet, UUID articleId, Instant publishedAt) {
    }

    /**
     * One outlet's wording of a claim. A value like the records around it, except that it keeps its own JSON once
     * written ({@link MentionJson}): a growing story's view is written again at every batch, from the same mention
     * objects (the builder keeps them per article), and nearly all of its bytes are those mentions.
     */
    @JsonSerialize(using = MentionJson.class)
    public static final class MentionView {
        private final UUID articleId;
        private final String outlet;
        private final int start;
        private final int end;
        private final String text;
        /** The JSON as written, and with every character outside ASCII escaped; null until first written. */
        String json;
        MentionJson.Ascii ascii;

        @JsonCreator
        public MentionView(@JsonProperty("articleId") UUID articleId, @JsonProperty("outlet") String outlet,
                           @JsonProperty("start") int start, @JsonProperty("end") int end,
                           @JsonProperty("text") String text) {
            this.articleId = articleId;
            this.outlet = outlet;
            this.start = start;
            this.end = end;
            this.text = text;
        }

        public UUID articleId() {
            return articleId;
        }

        public String outlet() {
            return outlet;
        }

        public int start() {
            return start;
        }

        public int end() {
            return end;
        }

        public String text() {
            return text;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MentionView m && start == m.start && end == m.end
                    && Objects.equals(articleId, m.articleId) && Objects.equals(outlet, m.outlet)
                    && Objects.equals(text, m.text);
        }

        @Override
        public int hashCode() {
            return Objects.hash(articleId, outlet, start, end, text);
        }

        @Override
        public String toString() {
            return "MentionView[articleId=" + articleId + ", outlet=" + outlet + ", start=" + start + ", end=" + end
                    + ", text=" + text + "]";
        }
    }

    public record Contradiction(String id, String topic, String summary, List<String> claimIds,
                                List<MentionView> mentions) {
    }

    public record EntitySummary(String name, List<String> aliases, int mentionCount) {
    }

    public record TimelineEntry(LocalDate date, String text, List<String> claimIds) {
    }
}
