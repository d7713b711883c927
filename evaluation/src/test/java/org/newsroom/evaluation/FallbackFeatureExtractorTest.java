package org.newsroom.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The surface-level extraction on an invented report. */
class FallbackFeatureExtractorTest {

    private static final String TITLE = "Dock Workers Strike Shuts Kelvar Harbor";
    private static final String BODY = "KELVAR — Dock workers at the port of Kelvar walked off the job on Tuesday. "
            + "The Kelvar Dockworkers Union said 8,000 members joined the strike. Port director Anneke Vos called "
            + "it illegal. \u201cWe will not return until our demands are met,\u201d a union leader said. "
            + "Ms. Vos said the port lost $1.5 million a day. Vos met union leaders in Kelvar. The strike "
            + "began in 2032.";

    @Test
    void entitiesAreNamesOfTheBodyMostMentionedFirstWithSurnamesCountedForFullNames() {
        List<String> entities = FallbackFeatureExtractor.entities(TITLE, "", BODY);
        assertEquals("Kelvar", entities.get(0));
        assertTrue(entities.contains("Anneke Vos"), entities.toString());
        assertFalse(entities.contains("Vos"), entities.toString());
        assertFalse(entities.contains("The"), entities.toString());
        assertFalse(entities.contains("Dock Workers Strike Shuts Kelvar Harbor"), entities.toString());
    }

    @Test
    void quantitiesAreNormalizedFiguresWithTheirUnitAndBareYearsAreSkipped() {
        List<String> quantities = FallbackFeatureExtractor.quantities(BODY);
        assertTrue(quantities.contains("8000 members"), quantities.toString());
        assertTrue(quantities.contains("1500000 dollars"), quantities.toString());
        assertFalse(quantities.stream().anyMatch(q -> q.startsWith("2032")), quantities.toString());
    }

    @Test
    void quotesAreTextsBetweenQuotationMarks() {
        assertEquals(List.of("We will not return until our demands are met,"), FallbackFeatureExtractor.quotes(BODY));
    }
}
