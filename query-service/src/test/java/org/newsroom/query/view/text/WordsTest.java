package org.newsroom.query.view.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading text for comparison: what must read the same, and what must not. */
class WordsTest {

    @Test
    void contractionsExpandAndNegationIsNotedApart() {
        Words.Reading contracted = Words.read("We won't let anyone in");
        Words.Reading spelled = Words.read("We will not allow anyone in");
        assertEquals(contracted.terms(), spelled.terms());
        assertTrue(contracted.negated());
        assertFalse(Words.read("We will let anyone in").negated());
    }

    @Test
    void britishAndAmericanSpellingsAndInflectionsMeet() {
        assertEquals(Words.term("destabilise"), Words.term("destabilized"));
        assertEquals(Words.term("colour"), Words.term("colors"));
        assertEquals(Words.term("revolutions"), Words.term("revolution"));
        assertEquals(Words.term("interfere"), Words.term("intervene"));
    }

    @Test
    void eventVerbsFoldIntoTheirFamily() {
        assertEquals(Words.term("killed"), Words.term("died"));
        assertEquals(Words.term("arrested"), Words.term("detained"));
        assertFalse(Words.term("killed").equals(Words.term("arrested")));
    }

    @Test
    void digitGroupsAreOneNumber() {
        assertEquals(List.of("about", "2030", "troops"), Words.tokens("about 2,030 troops"));
        assertEquals(List.of(2030.0), Words.read("2,030 troops").numbers());
    }
}
