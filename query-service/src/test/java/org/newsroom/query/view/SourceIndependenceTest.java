package org.newsroom.query.view;

import org.junit.jupiter.api.Test;
import org.newsroom.query.view.StoryView.MergedClaim;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.query.view.TestArticles.article;
import static org.newsroom.query.view.TestArticles.build;
import static org.newsroom.query.view.TestArticles.claimContaining;

/** Outlets that carry the same copy are one source: by wire credit, and by near-identical text. */
class SourceIndependenceTest {

    private static final String WIRE = "LISBON (Agence France-Presse) - Firefighters battled a forest fire north of "
            + "the capital for a third day on Wednesday as strong winds fanned the flames across dry hills. "
            + "About 1,500 residents were evacuated from villages near the blaze, the civil protection agency said. "
            + "The agency said more than 600 firefighters and twelve aircraft were deployed and that two roads "
            + "remained closed while crews tried to stop the fire reaching the coast.";
    private static final String EVACUATED = "About 1,500 residents were evacuated from villages near the blaze, "
            + "the civil protection agency said.";

    @Test
    void twoOutletsCreditingTheSameAgencyCountOnce() {
        StoryView view = build(List.of(
                article("Harbour Times", 0, "Fire near the capital. " + EVACUATED + " More later.")
                        .credits("AFP")
                        .quantity(EVACUATED, 1500, 1500, 1500, "residents evacuated", "about").build(),
                article("Inland Post", 20, "Wildfire spreads. " + EVACUATED + " Roads closed.")
                        .credits("Agence France-Presse")
                        .quantity(EVACUATED, 1500, 1500, 1500, "residents evacuated", "about").build()));

        MergedClaim claim = claimContaining(view, "evacuated");
        assertEquals(2, claim.outletCount());
        assertEquals(1, claim.independentOutletCount());
        assertEquals("SINGLE_SOURCE", claim.status());
    }

    @Test
    void nearDuplicateTextsCountOnce() {
        String rewrite = WIRE.replace("LISBON (Agence France-Presse) - ", "")
                .replace("for a third day on Wednesday", "for the third day running on Wednesday");
        StoryView view = build(List.of(
                article("Harbour Times", 0, WIRE)
                        .quantity(EVACUATED, 1500, 1500, 1500, "residents evacuated", "about").build(),
                article("Inland Post", 20, rewrite)
                        .quantity(EVACUATED, 1500, 1500, 1500, "residents evacuated", "about").build(),
                article("Mountain Gazette", 40, "Our reporter in the hills saw smoke all day. Some 1,500 residents "
                        + "have left their homes, local officials told us.")
                        .quantity("Some 1,500 residents have left their homes, local officials told us.", 1500, 1500,
                                1500, "residents evacuated", "some").build()));

        MergedClaim claim = claimContaining(view, "evacuated");
        assertEquals(3, claim.outletCount(), () -> "claims: " + view.claims());
        assertEquals(2, claim.independentOutletCount());
        assertEquals("CORROBORATED", claim.status());
    }

    /** A claim that one article states twice, crediting two agencies, is still one source. */
    @Test
    void aClaimFromOneArticleIsOneSourceWhateverItCredits() {
        String again = "Some 1,500 residents were evacuated from villages near the blaze, officials added.";
        StoryView view = build(List.of(
                article("Harbour Times", 0, "Fire near the capital. " + EVACUATED + " More later. " + again)
                        .credits("AFP", "Reuters")
                        .quantity(EVACUATED, 1500, 1500, 1500, "residents evacuated", "about")
                        .quantity(again, 1500, 1500, 1500, "residents evacuated", "some").build(),
                article("Inland Post", 20, "Roads were closed near the coast.").build()));

        MergedClaim claim = claimContaining(view, "evacuated");
        assertEquals(2, claim.mentions().size(), () -> "claims: " + view.claims());
        assertEquals(1, claim.outletCount());
        assertEquals(1, claim.independentOutletCount());
        assertEquals("SINGLE_SOURCE", claim.status());
    }
}
