package org.newsroom.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntityLinkerTest {
    @Test
    void surnameHonorificAndTitleFormsResolveToOnePerson() {
        AnalyzedArticle a = TestAnalyzer.analyze("Russian President Vladimir Putin spoke on Monday. Mr Putin said the "
                + "troops would leave. Later, President Putin met officials. Putin left at noon.");
        Entity putin = a.entities().stream().filter(e -> e.name().equals("Vladimir Putin")).findFirst().orElseThrow();
        assertEquals("PERSON", putin.type());
        assertEquals(4, putin.mentions().size());
        assertTrue(putin.aliases().contains("Mr Putin"));
        assertTrue(putin.aliases().contains("Putin"));
    }

    @Test
    void acronymInParenthesesIsAnAlias() {
        AnalyzedArticle a = TestAnalyzer.analyze("Leaders of the Collective Security Treaty Organization (CSTO) met online. "
                + "The CSTO said its troops would leave.");
        Entity csto = a.entities().stream().filter(e -> e.aliases().contains("CSTO")).findFirst().orElseThrow();
        assertEquals("Collective Security Treaty Organization", csto.name());
        assertEquals("ORGANIZATION", csto.type());
        assertEquals(3, csto.mentions().size());
    }

    @Test
    void countriesArePlaces() {
        AnalyzedArticle a = TestAnalyzer.analyze("Troops from Armenia and Belarus arrived in Kazakhstan on Friday.");
        assertTrue(a.entities().stream().filter(e -> e.name().equals("Kazakhstan")).allMatch(e -> e.type().equals("PLACE")));
    }
}
