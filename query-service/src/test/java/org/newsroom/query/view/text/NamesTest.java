package org.newsroom.query.view.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamesTest {

    @Test
    void titlesAndPossessivesAreNotPartOfAName() {
        assertEquals("Anna Varga", Names.strip("Prime Minister Anna Varga's"));
        assertEquals("Peter Lund", Names.strip("Secretary of State Peter Lund"));
        assertEquals("Varga", Names.strip("Ms Varga"));
        assertEquals(List.of("jean", "luc", "moreau"), Names.key("President Jean-Luc Moreau"));
    }

    @Test
    void organisationsKeepTheirLeadingWords() {
        assertEquals("Interior Ministry", Names.strip("Interior Ministry"));
        assertEquals("interior ministry", Names.strip("the interior ministry"));
    }

    @Test
    void rolesAndGroupsAreNotNamedSpeakers() {
        assertTrue(Names.named("Anna Varga"));
        assertTrue(Names.named("Interior Ministry"));
        assertFalse(Names.named("the president"));
        assertFalse(Names.named("The Latvian president"));
        assertFalse(Names.named("Officials"));
    }
}
