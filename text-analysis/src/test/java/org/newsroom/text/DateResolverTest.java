package org.newsroom.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateResolverTest {
    private static List<DateMention> dates(String sentence) {
        return TestAnalyzer.analyze(sentence).claims().get(0).dates();
    }

    @Test
    void resolvesRelativeAndAbsoluteDatesAgainstPublication() {
        // Publication is Monday 2022-01-10.
        List<DateMention> d = dates("The ministry said on Monday that protests began on January 2nd and peaked last week.");
        assertEquals(List.of(LocalDate.of(2022, 1, 10), LocalDate.of(2022, 1, 2), LocalDate.of(2022, 1, 3)),
                d.stream().map(DateMention::date).toList());
        assertEquals("January 2nd", d.get(1).text());

        assertEquals(LocalDate.of(2022, 1, 8), dates("Officials said on Saturday that the curfew was lifted.").get(0).date());
        assertEquals(LocalDate.of(2022, 1, 9), dates("The ministry said yesterday that the curfew was lifted.").get(0).date());
        assertEquals(LocalDate.of(2022, 1, 10), dates("The ministry said that the curfew ended on Jan. 10 in Almaty.").get(0).date());
        assertEquals(LocalDate.of(2021, 12, 28), dates("The ministry said the curfew began on Dec 28 in Almaty.").get(0).date());
        assertEquals(LocalDate.of(2016, 7, 1), dates("She gave an interview to the bureau in July 2016 about emails.").get(0).date());
    }
}
