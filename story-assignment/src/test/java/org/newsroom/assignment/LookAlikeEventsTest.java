package org.newsroom.assignment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.newsroom.assignment.Reports.report;

/** Events that look alike (same kind, same actors) but are different stay in different stories. */
class LookAlikeEventsTest {

    static final ArticleFeatures MILLBROOK_SHOOTING = report("2031-05-05",
            "Gunman kills four at Millbrook grocery store",
            "A gunman opened fire inside a grocery store in Millbrook, Ohio, on Monday, killing four people and "
                    + "wounding seven before police shot him dead. Police Chief Dana Whitfield said the suspect, a "
                    + "34-year-old local man, acted alone. The FBI is assisting local investigators.",
            List.of("Millbrook", "Dana Whitfield", "Ohio", "FBI"),
            List.of("4 killed", "7 wounded"),
            List.of("We have no indication that anyone else was involved"));

    static final ArticleFeatures MILLBROOK_SHOOTING_OTHER_OUTLET = report("2031-05-05",
            "Four dead, seven hurt as man opens fire in Ohio supermarket",
            "Four people were killed and seven injured when a man began shooting at a supermarket in Millbrook "
                    + "on Monday afternoon, authorities said. Chief Whitfield said officers killed the attacker "
                    + "within minutes. Federal agents joined the investigation.",
            List.of("Millbrook", "Whitfield", "Ohio", "FBI"),
            List.of("4 killed", "7 injured"),
            List.of("We have no indication that anyone else was involved in this"));

    /** Same day as the Millbrook shooting: time cannot tell them apart, only who and where. */
    static final ArticleFeatures HARLOW_SHOOTING = report("2031-05-05",
            "Gunman opens fire at Harlow shopping mall, killing six",
            "A man armed with a rifle opened fire at a shopping mall in Harlow, Texas, on Monday, killing six "
                    + "people and wounding nine, police said. Sheriff Ramon Ortiz said the suspect was taken into "
                    + "custody. The FBI has joined the investigation.",
            List.of("Harlow", "Ramon Ortiz", "Texas", "FBI"),
            List.of("6 killed", "9 wounded"),
            List.of("This is a tragedy for our whole community"));

    @Test
    void twoShootingsInTwoCitiesTheSameWeekStayApart() {
        Reports.Stories stories = new Reports.Stories();
        UUID millbrook = stories.add(MILLBROOK_SHOOTING);
        assertEquals(millbrook, stories.add(MILLBROOK_SHOOTING_OTHER_OUTLET), "same shooting, other outlet");
        UUID harlow = stories.add(HARLOW_SHOOTING);
        assertNotEquals(millbrook, harlow, "different city: " + stories.lastDecision());
        assertEquals(Decision.OPENED, stories.lastDecision().decision());
    }

    @Test
    void twoEarthquakesInTheSameCountryYearsApartStayApart() {
        Reports.Stories stories = new Reports.Stories();
        UUID first = stories.add(report("2029-03-14",
                "Magnitude 7.1 earthquake strikes northern Veloria, killing dozens",
                "A magnitude 7.1 earthquake struck northern Veloria early on Wednesday, collapsing buildings in the "
                        + "city of Tarsk and killing at least 40 people, officials said. Rescue teams searched the "
                        + "rubble through the night.",
                List.of("Veloria", "Tarsk", "Veloria Disaster Agency"),
                List.of("7.1 magnitude", "40 killed"),
                List.of()));
        UUID second = stories.add(report("2033-09-02",
                "Strong earthquake hits Veloria, toppling homes",
                "A strong earthquake of magnitude 6.8 shook Veloria on Friday, toppling homes near the city of "
                        + "Tarsk and killing at least 25 people, the disaster agency said. Aftershocks rattled the "
                        + "region.",
                List.of("Veloria", "Tarsk", "Veloria Disaster Agency"),
                List.of("6.8 magnitude", "25 killed"),
                List.of()));
        assertNotEquals(first, second, stories.lastDecision().toString());
    }

    @Test
    void twoSummitsOfTheSameLeadersMonthsApartStayApart() {
        Reports.Stories stories = new Reports.Stories();
        UUID spring = stories.add(report("2030-04-10",
                "Presidents Arlen and Moravec meet in Genf, pledge trade talks",
                "President Tomas Arlen of Norland and President Irena Moravec of Sudavia met in Genf on Thursday "
                        + "and agreed to open talks on cutting tariffs, their offices said. The two leaders also "
                        + "discussed border security.",
                List.of("Tomas Arlen", "Irena Moravec", "Norland", "Sudavia", "Genf"),
                List.of(),
                List.of("a new chapter for our two nations")));
        UUID autumn = stories.add(report("2030-10-22",
                "Arlen and Moravec hold second summit, sign energy accord",
                "Norland's President Tomas Arlen and Sudavia's President Irena Moravec met again on Tuesday, in "
                        + "the Sudavian capital Belmar, and signed an accord on a shared gas pipeline. The leaders "
                        + "said tariff talks were progressing.",
                List.of("Tomas Arlen", "Irena Moravec", "Sudavia", "Norland", "Belmar"),
                List.of("1200 kilometers"),
                List.of("energy will bind our economies together")));
        assertNotEquals(spring, autumn, stories.lastDecision().toString());
    }
}
