package org.newsroom.query.view.merge;

import org.newsroom.events.StoryEvent.ClaimData;
import org.newsroom.query.view.StoryArticle;
import org.newsroom.query.view.StoryView.MentionView;
import org.newsroom.query.view.text.Shingles;

/**
 * One claim as one article states it, read for comparison. {@code index} is its place in the canonical order
 * (articles by publication time and id, then position in the text), which every tie-break uses.
 *
 * @param article  the article's index in canonical order
 * @param family   SPEECH (quotes and reported speech), QUANTITY or STATEMENT
 * @param speaker  the resolved speaker's entity index, or -1
 * @param terms    sorted distinct term ids of the claim's content words, the speaker's name left out
 * @param text     what the claim's wording reads as, its character shingles among it ({@link #shingles})
 * @param numbers  figures written in digits
 * @param topic    what a quantity counts, or null
 * @param range    the plausible interval of a quantity, or null
 * @param crowded  whether the same sentence of the article states another claim too
 * @param twin     the index of the first mention (in canonical order) that reads exactly like this one: same kind,
 *                 wording, speaker, figure and retraction, so that everything the merger compares is equal; its
 *                 own index when it is the first. Outlets that carry the same copy repeat claims word for word, and
 *                 such mentions are compared once, as one.
 * @param view     how the story view shows this mention
 */
public record Mention(int index, int article, StoryArticle source, ClaimData claim, String family, int speaker,
                      String speakerName, int[] terms, MentionAnalyzer.TextReading text, double[] numbers,
                      boolean negated, QuantityTopic topic, QuantityRange range, boolean crowded, int twin,
                      MentionView view) {

    public static final String SPEECH = "SPEECH";
    public static final String QUANTITY = "QUANTITY";
    public static final String STATEMENT = "STATEMENT";

    /** Whether this is the first of its twins: the one the merger compares for all of them. */
    public boolean original() {
        return twin == index;
    }

    /** This mention's reading for the claim of another article: the same wording, speaker and figure. */
    Mention twinIn(int newIndex, int newArticle, StoryArticle newSource, ClaimData newClaim, boolean newCrowded,
                   MentionView newView) {
        return new Mention(newIndex, newArticle, newSource, newClaim, family, speaker, speakerName, terms, text,
                numbers, negated, topic, range, newCrowded, index, newView);
    }

    /** The distinct hashes of the claim's character 4-grams. */
    public Shingles.IntSet shingles() {
        return text.shingles();
    }

    public boolean retracted() {
        return claim.retracted();
    }

    public boolean isQuote() {
        return "QUOTE".equals(claim.kind());
    }

    static String familyOf(String kind) {
        if ("QUOTE".equals(kind) || "REPORTED".equals(kind)) {
            return SPEECH;
        }
        return "QUANTITY".equals(kind) ? QUANTITY : STATEMENT;
    }
}
