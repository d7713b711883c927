package org.newsroom.query.view;

import org.junit.jupiter.api.Test;
import org.newsroom.query.view.StoryView.MergedClaim;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.query.view.TestArticles.article;
import static org.newsroom.query.view.TestArticles.build;
import static org.newsroom.query.view.TestArticles.claimContaining;

/** One test per merging rule: what must become one claim, and what must stay apart. */
class ClaimMergingTest {

    @Test
    void paraphrasedQuotesOfOneSpeakerMerge() {
        StoryView view = build(List.of(
                article("Daily Ledger", 0, "\"We will not allow anyone to close the harbour to our fishermen,\" "
                        + "Mayor Jane Holloway said on Tuesday.")
                        .quote("We will not allow anyone to close the harbour to our fishermen", "Mayor Jane Holloway")
                        .entity("Jane Holloway", "PERSON", "Holloway").build(),
                article("Coast Herald", 30, "Holloway vowed: \"We won't let anybody shut the harbour to our "
                        + "fishermen.\" The council meets next week.")
                        .quote("We won't let anybody shut the harbour to our fishermen.", "Holloway")
                        .entity("Holloway", "PERSON").build()));

        MergedClaim quote = claimContaining(view, "harbour");
        assertEquals(2, quote.mentions().size(), () -> "claims: " + view.claims());
        assertEquals("Jane Holloway", quote.speaker());
        assertEquals(2, quote.outletCount());
        assertEquals("CORROBORATED", quote.status());
    }

    @Test
    void wordingsCopiedByManyOutletsStillMergeWithEachOther() {
        // Ten outlets carry one wording word for word, ten others a paraphrase: every mention's closest wordings are
        // its own copies, which must not keep the two wordings from being recognised as one quote.
        List<StoryArticle> articles = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            articles.add(article("Wire Client " + i, i, "\"We will not allow anyone to close the harbour to our "
                    + "fishermen,\" Mayor Jane Holloway said on Tuesday.")
                    .quote("We will not allow anyone to close the harbour to our fishermen", "Mayor Jane Holloway")
                    .entity("Jane Holloway", "PERSON", "Holloway").build());
            articles.add(article("Rewrite Desk " + i, 30 + i, "Holloway vowed: \"We won't let anybody shut the "
                    + "harbour to our fishermen.\" The council meets next week.")
                    .quote("We won't let anybody shut the harbour to our fishermen.", "Holloway")
                    .entity("Holloway", "PERSON").build());
        }
        StoryView view = build(articles);

        MergedClaim quote = claimContaining(view, "harbour");
        assertEquals(20, quote.mentions().size(), () -> "claims: " + view.claims().stream()
                .map(c -> c.mentions().size() + " " + c.text()).toList());
        assertEquals(20, quote.outletCount());
    }

    @Test
    void twoDifferentStatementsOfOneSpeakerStayApart() {
        StoryView view = build(List.of(
                article("Daily Ledger", 0, "\"The harbour will reopen on Friday once the divers finish,\" "
                        + "Holloway said. \"Our budget for the new sea wall is already spent,\" she added.")
                        .quote("The harbour will reopen on Friday once the divers finish", "Holloway")
                        .quote("Our budget for the new sea wall is already spent", "Holloway").build(),
                article("Coast Herald", 30, "Holloway said: \"The harbour reopens Friday when the divers are "
                        + "done.\"")
                        .quote("The harbour reopens Friday when the divers are done.", "Holloway").build()));

        MergedClaim reopening = claimContaining(view, "reopen");
        MergedClaim budget = claimContaining(view, "budget");
        assertNotEquals(reopening.id(), budget.id());
        assertEquals(2, reopening.mentions().size());
        assertEquals(1, budget.mentions().size());
    }

    @Test
    void theSameNumberAboutDifferentThingsStaysApart() {
        StoryView view = build(List.of(
                article("Daily Ledger", 0, "The army sent 1,200 troops to the coast. Police said 1,200 people "
                        + "were detained overnight.")
                        .quantity("The army sent 1,200 troops to the coast.", 1200, 1200, 1200, "troops", null)
                        .quantity("Police said 1,200 people were detained overnight.", 1200, 1200, 1200,
                                "people detained", null).build(),
                article("Coast Herald", 30, "About 1,200 people were arrested overnight, police said.")
                        .quantity("About 1,200 people were arrested overnight, police said.", 1200, 1200, 1200,
                                "people arrested", "about").build()));

        MergedClaim troops = claimContaining(view, "troops");
        MergedClaim detained = claimContaining(view, "detained");
        assertNotEquals(troops.id(), detained.id());
        assertEquals(1, troops.mentions().size());
        assertEquals(2, detained.mentions().size(), "detained and arrested are one family of events");
        assertTrue(view.contradictions().isEmpty());
    }

    @Test
    void compatibleFiguresMergeAndDoNotContradict() {
        StoryView view = build(List.of(
                article("Daily Ledger", 0, "Nearly 8,000 people were evacuated from the valley, officials said.")
                        .quantity("Nearly 8,000 people were evacuated from the valley, officials said.", 8000, 8000,
                                8000, "people evacuated", "nearly").build(),
                article("Coast Herald", 30, "About 8,000 residents have been evacuated.")
                        .quantity("About 8,000 residents have been evacuated.", 8000, 8000, 8000,
                                "people evacuated", "about").build(),
                article("Valley Times", 60, "The military deployed just over 2,000 troops. Officials confirmed "
                        + "2,030 troops were on the ground.")
                        .quantity("The military deployed just over 2,000 troops.", 2000, 2000, 2000, "troops",
                                "just over")
                        .quantity("Officials confirmed 2,030 troops were on the ground.", 2030, 2030, 2030, "troops",
                                null).build(),
                article("River Post", 90, "Dozens have died in the floods. At least two dozen people were killed.")
                        .quantity("Dozens have died in the floods.", 24, 24, 99, "died", "dozens")
                        .quantity("At least two dozen people were killed.", 24, 24, Double.MAX_VALUE,
                                "people killed", "at least").build()));

        assertEquals(2, claimContaining(view, "evacuated").mentions().size(), () -> "claims: " + view.claims());
        assertEquals(2, claimContaining(view, "2,030").mentions().size());
        assertEquals(2, claimContaining(view, "Dozens").mentions().size());
        assertTrue(view.contradictions().isEmpty(), () -> "contradictions: " + view.contradictions());
        MergedClaim evacuated = claimContaining(view, "evacuated");
        assertEquals(8000, evacuated.quantity().value());
    }

    @Test
    void aDozenKilledAgainstSeveralHundredKilledIsAContradiction() {
        StoryView view = build(List.of(
                article("Daily Ledger", 0, "At least two dozen people were killed, the ministry said.")
                        .quantity("At least two dozen people were killed, the ministry said.", 24, 24,
                                Double.MAX_VALUE, "people killed", "at least").build(),
                article("Coast Herald", 30, "Several hundred people are believed to have died in the clashes.")
                        .quantity("Several hundred people are believed to have died in the clashes.", 300, 300, 999,
                                "people died", "several hundred").build()));

        assertEquals(1, view.contradictions().size(), () -> "claims: " + view.claims());
        StoryView.Contradiction contradiction = view.contradictions().get(0);
        assertEquals(2, contradiction.claimIds().size());
        assertEquals(2, contradiction.mentions().size());
        assertTrue(contradiction.summary().contains("Daily Ledger") && contradiction.summary().contains("Coast Herald"),
                contradiction.summary());
        assertTrue(contradiction.topic().contains("killed") || contradiction.topic().contains("died"));
        view.claims().forEach(c -> assertEquals("CONTESTED", c.status()));
    }

    @Test
    void aRetractedFigureIsShownRetractedAndContestsNothing() {
        StoryView view = build(List.of(
                article("Daily Ledger", 0, "The ministry retracted a statement that more than 160 people had "
                        + "died. At least 24 people were killed, officials said.")
                        .retractedQuantity("The ministry retracted a statement that more than 160 people had died.",
                                160, "people died", "more than")
                        .quantity("At least 24 people were killed, officials said.", 24, 24, Double.MAX_VALUE,
                                "people killed", "at least").build(),
                article("Coast Herald", 30, "Twenty-four people were killed, officials said.")
                        .quantity("Twenty-four people were killed, officials said.", 24, 24, 24, "people killed",
                                null).build()));

        MergedClaim retracted = claimContaining(view, "retracted");
        assertTrue(retracted.quantity().retracted());
        assertEquals(1, retracted.mentions().size());
        assertTrue(view.contradictions().isEmpty(), () -> "contradictions: " + view.contradictions());
        assertEquals("CORROBORATED", claimContaining(view, "Twenty-four").status());
    }

    @Test
    void speakerAliasesAcrossOutletsAreOneSpeaker() {
        StoryView view = build(List.of(
                article("Daily Ledger", 0, "Prime Minister Anna Varga said the border crossings would stay open "
                        + "through the winter.")
                        .reported("Prime Minister Anna Varga said the border crossings would stay open through the "
                                + "winter.", "Prime Minister Anna Varga")
                        .entity("Anna Varga", "PERSON", "Varga").build(),
                article("Coast Herald", 30, "Ms Varga said border crossings will remain open all winter.")
                        .reported("Ms Varga said border crossings will remain open all winter.", "Ms Varga").build(),
                article("Valley Times", 60, "The border crossings will stay open over the winter, Varga told "
                        + "reporters.")
                        .reported("The border crossings will stay open over the winter, Varga told reporters.",
                                "Varga").build()));

        MergedClaim claim = claimContaining(view, "border crossings");
        assertEquals(3, claim.mentions().size(), () -> "claims: " + view.claims());
        assertEquals("Anna Varga", claim.speaker());
    }

    @Test
    void aStatementAndItsNegationContradict() {
        StoryView view = build(List.of(
                article("Daily Ledger", 0, "The governor said the national guard will leave the city on Sunday.")
                        .reported("The governor said the national guard will leave the city on Sunday.",
                                "The governor").build(),
                article("Coast Herald", 30, "The governor said the national guard will not leave the city on "
                        + "Sunday.")
                        .reported("The governor said the national guard will not leave the city on Sunday.",
                                "The governor").build()));

        assertEquals(2, view.claims().size());
        assertEquals(1, view.contradictions().size(), () -> "claims: " + view.claims());
        view.claims().forEach(c -> assertEquals("CONTESTED", c.status()));
    }

    @Test
    void aShortFragmentThatLostItsNegationContradictsNothing() {
        StoryView view = build(List.of(
                article("Daily Ledger", 0, "Varga called the deal \"not a compromise but more delay.\"")
                        .quote("not a compromise but more delay.", "Anna Varga").build(),
                article("Coast Herald", 30, "It was, Varga said, \"but more delay\".")
                        .quote("but more delay", "Anna Varga").build()));

        assertTrue(view.contradictions().isEmpty(), () -> "contradictions: " + view.contradictions());
    }

    @Test
    void oneQuoteGivenToTwoSpeakersIsAContradiction() {
        String words = "We will rebuild every bridge the river took from us before the summer";
        StoryView view = build(List.of(
                article("Daily Ledger", 0, "\"" + words + ",\" said Anna Varga.")
                        .quote(words, "Anna Varga").build(),
                article("Coast Herald", 30, "\"" + words + ",\" said Peter Lund.")
                        .quote(words, "Peter Lund").build()));

        assertEquals(2, view.claims().size());
        assertEquals(1, view.contradictions().size());
        assertEquals("attribution of a quote", view.contradictions().get(0).topic());
    }
}
