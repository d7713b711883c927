package org.newsroom.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FurnitureFilterTest {
    @Test
    void removesNavigationPromptsCaptionsAndRepeatedHeadline() {
        String raw = """
                1. Skip to content
                  2. Skip to main menu

                Mayor opens new bridge over the river

                News   /   Local   /   Transport

                Mayor opens new bridge over the river

                The mayor opened the bridge on Monday after four years of construction work.

                The mayor at the opening ceremonyImage: John Smith/City Hall

                Register now for FREE and unlimited access to our website

                Image source, Reuters
                Caption for the image

                Crowds gathered on both banks of the river

                Remote video URL

                Traffic is expected to fall by a third, the city council said.

                Join our Telegram channel and get the latest breaking news delivered to you.

                Please enter your comment!
                Please enter your name here
                """;
        AnalyzedArticle a = TestAnalyzer.analyze("Mayor opens new bridge over the river", raw);
        assertEquals("The mayor opened the bridge on Monday after four years of construction work.\n\n"
                + "Traffic is expected to fall by a third, the city council said.", a.text());
    }

    @Test
    void keepsBodyTextThatMerelyMentionsPhotosOrVideo() {
        AnalyzedArticle a = TestAnalyzer.analyze("Video showed police officers chasing protesters through the square.\n\n"
                + "Photographs of the scene were shared widely online.");
        assertTrue(a.text().startsWith("Video showed police"));
        assertTrue(a.text().contains("Photographs of the scene"));
    }

    @Test
    void datelineBecomesMetadataAndBodyKeepsTheSentence() {
        AnalyzedArticle a = TestAnalyzer.analyze("NUR-SULTAN, Jan. 10 (Reuters) – Russian President Vladimir Putin said on "
                + "Monday that troops would leave soon.");
        assertEquals("NUR-SULTAN, Jan. 10 (Reuters)", a.dateline());
        assertTrue(a.text().startsWith("Russian President Vladimir Putin said"));

        AnalyzedArticle b = TestAnalyzer.analyze("MOSCOW (AP) — The Kremlin said on Monday it would not comment.");
        assertEquals("MOSCOW (AP)", b.dateline());
        assertEquals("The Kremlin said on Monday it would not comment.", b.text());
    }

    @Test
    void normalizesWhitespaceButKeepsParagraphs() {
        AnalyzedArticle a = TestAnalyzer.analyze("  First   paragraph\twith  spaces.\u00A0 \r\n\r\n\r\nSecond paragraph here.  ");
        assertEquals("First paragraph with spaces.\n\nSecond paragraph here.", a.text());
        assertFalse(a.text().contains("  "));
    }

    @Test
    void wordCountSplitsTheTrimmedTextAtRegexWhitespace() {
        for (String s : java.util.List.of("", "   ", "one", " two  words ", "\u0001 lead", "tab\tline\nbreak\u000Bvt\ffeed\rcr",
                "no\u00A0break", "trail\u0001")) {
            String t = s.trim();
            assertEquals(t.isEmpty() ? 0 : t.split("\\s+").length, FurnitureFilter.wordCount(s), s);
        }
    }
}
