package org.newsroom.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private static List<String> sentences(String text) {
        AnalyzedArticle a = TestAnalyzer.analyze(text);
        return a.sentences().stream().map(s -> a.text().substring(s.start(), s.end())).toList();
    }

    @Test
    void doesNotSplitAfterHonorificsMonthsInitialsOrAcronyms() {
        List<String> s = sentences("Mr. Smith met Mrs. Jones in the U.S. capital on Jan. 10 to discuss the F.B.I. inquiry. "
                + "James B. Comey was not there. They left at noon.");
        assertEquals(List.of("Mr. Smith met Mrs. Jones in the U.S. capital on Jan. 10 to discuss the F.B.I. inquiry.",
                "James B. Comey was not there.", "They left at noon."), s);
    }

    @Test
    void paragraphsAreSentenceBoundaries() {
        assertEquals(List.of("A heading without a full stop", "The body follows here."),
                sentences("A heading without a full stop\n\nThe body follows here."));
    }

    @Test
    void closingQuoteStaysWithItsSentence() {
        List<String> s = sentences("“We will win. Nothing will stop us.” The crowd cheered.");
        assertEquals("The crowd cheered.", s.get(s.size() - 1));
    }
}
