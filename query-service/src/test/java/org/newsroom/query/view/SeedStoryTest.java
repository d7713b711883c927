package org.newsroom.query.view;

import org.junit.jupiter.api.Test;
import org.newsroom.events.EventCodec;
import org.newsroom.query.view.StoryView.MergedClaim;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.query.view.TestArticles.claimContaining;
import static org.newsroom.query.view.TestArticles.quantityClaim;

/** The five seed articles of one story, as five outlets reported it. */
class SeedStoryTest {

    private final StoryView view = TestArticles.build(SeedStory.articles());

    @Test
    void theDetentionFigureMergesAcrossOutletsUncontested() {
        MergedClaim detained = claimContaining(view, "almost 8,000 people");
        assertTrue(detained.outletCount() >= 3, () -> describe(detained));
        assertNotEquals("CONTESTED", detained.status());
        assertEquals("CORROBORATED", detained.status());
        assertTrue(detained.independentOutletCount() >= 2 && detained.independentOutletCount() < detained.outletCount(),
                () -> describe(detained));
        assertEquals(8000, detained.quantity().value());
        assertTrue(detained.mentions().stream().anyMatch(m -> m.text().contains("nearly 8,000 people had been arrested")),
                () -> describe(detained));
        assertTrue(detained.mentions().stream().anyMatch(m -> m.text().contains("taken into custody")),
                () -> describe(detained));
    }

    @Test
    void theCasualtyFigureIsContested() {
        MergedClaim fewDozen = quantityClaim(view, "At least two dozen people were killed", 24);
        MergedClaim hundreds = claimContaining(view, "Several hundred people");
        assertEquals("CONTESTED", fewDozen.status());
        assertEquals("CONTESTED", hundreds.status());
        assertEquals(fewDozen.id(), quantityClaim(view, "Dozens have been killed", 24).id());
        assertTrue(view.contradictions().stream().anyMatch(c -> c.claimIds().containsAll(
                Set.of(fewDozen.id(), hundreds.id()))), () -> view.contradictions().toString());
    }

    @Test
    void theMainQuoteOfTheSpeakerMergesAcrossOutlets() {
        MergedClaim letAnyone = claimContaining(view, "we would not let anyone destabilize");
        Set<String> outlets = letAnyone.mentions().stream().map(StoryView.MentionView::outlet)
                .collect(Collectors.toSet());
        assertTrue(outlets.containsAll(Set.of("DW", "The Straits Times", "Reuters")), () -> describe(letAnyone));
        assertEquals("Vladimir Putin", letAnyone.speaker());

        MergedClaim notTheFirst = claimContaining(view, "aren't the first and will be far from the last");
        Set<String> outlets2 = notTheFirst.mentions().stream().map(StoryView.MentionView::outlet)
                .collect(Collectors.toSet());
        assertTrue(outlets2.containsAll(Set.of("The Straits Times", "Reuters")), () -> describe(notTheFirst));
        assertNotEquals(letAnyone.id(), notTheFirst.id());
    }

    @Test
    void troopsAreNotDetainees() {
        MergedClaim troops = quantityClaim(view, "2,030 troops", 2030);
        MergedClaim detained = claimContaining(view, "almost 8,000 people");
        assertNotEquals(troops.id(), detained.id());
        assertEquals(troops.id(), quantityClaim(view, "just over 2,000 troops", 2030).id());
        assertFalse(view.contradictions().stream().anyMatch(c -> c.claimIds().contains(troops.id())));
    }

    @Test
    void theRetractedDeathTollIsShownRetracted() {
        MergedClaim retracted = claimContaining(view, "more than 164 people had died");
        assertTrue(retracted.quantity().retracted());
        assertFalse(view.contradictions().stream().anyMatch(c -> c.claimIds().contains(retracted.id())));
    }

    @Test
    void entitiesAreMergedAcrossOutletsByAlias() {
        var speakers = view.entities().stream().filter(e -> e.aliases().contains("Putin")).toList();
        assertEquals(1, speakers.size(), () -> view.entities().toString());
        assertEquals("Vladimir Putin", speakers.get(0).name());
        assertTrue(speakers.get(0).aliases().containsAll(Set.of("Mr Putin", "President Putin")));
    }

    @Test
    void printsTheView() {
        System.out.println(new EventCodec().write(view));
    }

    private String describe(MergedClaim claim) {
        return claim + "\nall claims:\n" + view.claims().stream().map(c -> c.status() + " " + c.outletCount() + "/"
                + c.independentOutletCount() + " " + c.speaker() + ": " + c.text()).collect(Collectors.joining("\n"));
    }
}
