package org.newsroom.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuantityParserTest {
    private static List<Quantity> quantities(String text) {
        return TestAnalyzer.analyze(text).claims().stream().filter(c -> c.kind() == ClaimKind.QUANTITY)
                .map(Claim::quantity).toList();
    }

    @Test
    void digitsWithSeparatorsAndQualifiers() {
        Quantity q = quantities("Since the uprising began, police have detained almost 8,000 people.").get(0);
        assertEquals(8000, q.value());
        assertEquals(7200, q.low());
        assertEquals(8000, q.high());
        assertEquals("nearly", q.qualifier());
        assertEquals("people detained", q.unit());

        Quantity atLeast = quantities("At least 164 people had died in the unrest.").get(0);
        assertEquals(164, atLeast.low());
        assertEquals(Quantity.UNBOUNDED, atLeast.high());
        assertEquals("at least", atLeast.qualifier());

        Quantity upTo = quantities("Up to 300 soldiers were deployed to the border.").get(0);
        assertEquals(0, upTo.low());
        assertEquals(300, upTo.high());

        Quantity justOver = quantities("The alliance has deployed just over 2,000 troops.").get(0);
        assertEquals(2000, justOver.low());
        assertEquals("troops deployed", justOver.unit());
    }

    @Test
    void theVerbIsFoundPastHedgesParentheticalsAndLightVerbs() {
        assertEquals("workers injured",
                quantities("Around 300 workers are believed to have been injured.").get(0).unit());
        assertEquals("passengers stranded",
                quantities("About 120 passengers, including two children, were stranded overnight.").get(0).unit());
        assertEquals("people taken into custody",
                quantities("More than 500 people were taken into custody on Friday.").get(0).unit());
    }

    @Test
    void numberWordsAndVagueCounts() {
        assertEquals(16, quantities("Sixteen members of the security forces were killed.").get(0).value());
        assertEquals(24, quantities("At least two dozen people were killed.").get(0).value());
        Quantity hundreds = quantities("Several hundred people were injured in the clashes.").get(0);
        assertEquals(200, hundreds.low());
        assertEquals(900, hundreds.high());
        assertEquals(24, quantities("Dozens have been killed in the unrest.").get(0).low());
        Quantity thousands = quantities("Thousands of people have been arrested.").get(0);
        assertEquals(2000, thousands.low());
        assertEquals("people arrested", thousands.unit());
        assertEquals(19e6, quantities("The country of 19 million people was reeling.").get(0).value());
        assertEquals(33, quantities("The country holds 33% of the world's oil reserves.").get(0).value());
    }

    @Test
    void twoFiguresInOneSentenceAreTwoClaims() {
        List<Claim> claims = TestAnalyzer.analyze("At least two dozen people were killed and about 8,000 have been detained, "
                + "authorities said.").claims().stream().filter(c -> c.kind() == ClaimKind.QUANTITY).toList();
        assertEquals(2, claims.size());
        assertEquals(claims.get(0).start(), claims.get(1).start());
        assertEquals("people detained", claims.get(1).quantity().unit());
        assertEquals("authorities", claims.get(1).speaker());
    }

    @Test
    void datesYearsAgesTimesOrdinalsAndDurationsAreNotQuantities() {
        assertTrue(quantities("Protests began on January 10, 2022 and spread in 2021.").isEmpty());
        assertTrue(quantities("Nursultan Nazarbayev, 81, stepped down in 2019.").isEmpty());
        assertTrue(quantities("The 81-year-old leader spoke at 10:30 a.m. for the second time.").isEmpty());
        assertTrue(quantities("He led the country for three decades and two weeks.").isEmpty());
        assertTrue(quantities("The meeting on Jan. 10 was the 3rd this month.").isEmpty());
        assertTrue(quantities("Call 555-0123 for details about Article 5 of the treaty.").isEmpty());
    }
}
