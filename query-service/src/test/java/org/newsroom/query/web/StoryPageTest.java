package org.newsroom.query.web;

import org.junit.jupiter.api.Test;
import org.newsroom.query.api.StoryQueries.Mark;
import org.newsroom.query.view.StoryView;
import org.newsroom.query.view.StoryView.ArticleRef;
import org.newsroom.query.view.StoryView.FirstReported;
import org.newsroom.query.view.StoryView.MentionView;
import org.newsroom.query.view.StoryView.MergedClaim;
import org.newsroom.query.view.StoryView.TimelineEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page model is a pure function of the view: grouping, chart geometry and coverage states. */
class StoryPageTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2024-03-05T08:00:00Z");
    private static final Instant T1 = Instant.parse("2024-03-05T10:00:00Z");

    private final StoryView view = new StoryView(UUID.randomUUID(), "Bridge", 7, T1,
            List.of(new ArticleRef(A, "Daily", "a", null, T0), new ArticleRef(B, "Courier", "b", null, T1)),
            List.of(claim("s", "STATEMENT", "Daily"), claim("q", "QUOTE", "Daily", "Courier"),
                    claim("n", "QUANTITY", "Courier")),
            List.of(), List.of(), List.of(new TimelineEntry(LocalDate.of(2024, 3, 4), "it happened", List.of("s"))));

    @Test
    void claimsAreGroupedInTheOrderQuoteReportedQuantityStatement() {
        StoryPage page = StoryPage.of(view, List.of(new Mark(4, T0), new Mark(7, T1)), Map.of(A, "text"));
        assertEquals(List.of("QUOTE", "QUANTITY", "STATEMENT"), page.claimGroups().stream().map(g -> g.kind()).toList());
        assertEquals("4 7", page.versionList());
        assertEquals(2, page.versionIndex());
        assertTrue(page.isLatest());
        assertEquals("text", page.articles().get(0).text());
    }

    @Test
    void coverageTellsWhoReportedFirstAloneOrAlso() {
        StoryPage page = StoryPage.of(view, List.of(), Map.of());
        var daily = page.coverage().rows().get(0);
        var courier = page.coverage().rows().get(1);
        // Claims in page order: q (Daily first, Courier also), n (Courier alone), s (Daily alone).
        assertEquals(List.of("first", "absent", "alone"), daily.cells().stream().map(c -> c.state()).toList());
        assertEquals(List.of("reported", "alone", "absent"), courier.cells().stream().map(c -> c.state()).toList());
        assertEquals(2, daily.reported());
        assertEquals(2, daily.first());
        assertEquals(1, courier.alone());
    }

    @Test
    void theTimelinePlacesEveryPointInsideTheChartInTimeOrder() {
        StoryPage.Timeline timeline = StoryPage.of(view, List.of(), Map.of()).timeline();
        assertEquals(List.of("Dated events", "Daily", "Courier"), timeline.lanes().stream().map(l -> l.label()).toList());
        int event = timeline.events().get(0).x();
        int daily = timeline.lanes().get(1).points().get(0).x();
        int courier = timeline.lanes().get(2).points().get(0).x();
        assertTrue(timeline.laneStart() <= event && event < daily && daily < courier && courier <= timeline.laneEnd());
    }

    private static MergedClaim claim(String text, String kind, String... outlets) {
        List<MentionView> mentions = java.util.Arrays.stream(outlets)
                .map(o -> new MentionView(o.equals("Daily") ? A : B, o, 0, 4, text)).toList();
        return new MergedClaim(text, kind, text, null, null, outlets.length > 1 ? "CORROBORATED" : "SINGLE_SOURCE",
                outlets.length, outlets.length,
                new FirstReported(outlets[0], outlets[0].equals("Daily") ? A : B, outlets[0].equals("Daily") ? T0 : T1),
                mentions);
    }
}
