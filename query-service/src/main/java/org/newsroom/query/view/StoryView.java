package org.newsroom.query.view;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    @JsonSerialize(using = MentionJson.class)
    public record MentionView(UUID articleId, String outlet, int start, int end, String text) {
    }

    public record Contradiction(String id, String topic, String summary, List<String> claimIds,
                                List<MentionView> mentions) {
    }

    public record EntitySummary(String name, List<String> aliases, int mentionCount) {
    }

    public record TimelineEntry(LocalDate date, String text, List<String> claimIds) {
    }
}
