package org.newsroom.query;

import org.newsroom.events.StoryEvent.QuantityData;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.newsroom.query.StoryEvents.claim;

/**
 * A story for the reader page: a quote and a figure that two outlets share, two figures that disagree, an article
 * text with markup in it, and a third outlet to arrive later.
 */
final class BridgeStory {

    static final String QUOTE = "\"We are proud of the crews,\" Mayor Ana Ruiz said.";
    static final String TRAFFIC = "About 40,000 vehicles cross it every day.";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String NEW_CLAIM = "The port authority said tolls stay free until May.";
    static final String LIVE_CLAIM = "Ferries will keep running on weekends, the operator said.";
    private static final LocalDate TUESDAY = LocalDate.of(2024, 3, 5);

    final StoryEvents events;

    BridgeStory(StoryEvents events) {
        this.events = events;
    }

    /** The first two articles; returns the position of the last event. */
    long firstTwo() throws SQLException {
        String daily = "The harbour bridge reopened on Tuesday after two years of repairs. " + QUOTE + " " + TRAFFIC
                + " The repairs cost 12 million euros, the council said.";
        events.article("Harbour Daily", "Harbour bridge reopens after two years", daily,
                Instant.parse("2024-03-05T08:00:00Z"), List.of(
                        claim("STATEMENT", daily, "The harbour bridge reopened on Tuesday after two years of repairs.",
                                null, null, TUESDAY),
                        claim("QUOTE", daily, QUOTE, "Ana Ruiz", null, null),
                        claim("QUANTITY", daily, TRAFFIC, null,
                                new QuantityData(40000, 36000, 44000, "vehicles cross", "about"), null),
                        claim("REPORTED", daily, "The repairs cost 12 million euros, the council said.", "the council",
                                new QuantityData(12e6, 12e6, 12e6, "euros", null), null)));
        String courier = QUOTE + " " + TRAFFIC + " Repairs cost 15 million euros, according to the port authority."
                + "\n\nOne reader wrote to us: " + SCRIPT + " We print it as it was sent.";
        return events.article("Coast Courier", "Mayor: \"proud of the crews\"", courier,
                Instant.parse("2024-03-05T09:30:00Z"), List.of(
                        claim("QUOTE", courier, QUOTE, "Ana Ruiz", null, null),
                        claim("QUANTITY", courier, TRAFFIC, null,
                                new QuantityData(40000, 36000, 44000, "vehicles cross", "about"), null),
                        claim("REPORTED", courier, "Repairs cost 15 million euros, according to the port authority.",
                                "the port authority", new QuantityData(15e6, 15e6, 15e6, "euros", null), null)));
    }

    /** A third outlet: one more source for the traffic figure and a new claim. */
    long third() throws SQLException {
        String gazette = "Traffic resumed at noon. " + TRAFFIC + " " + NEW_CLAIM;
        return events.article("Port Gazette", "Traffic returns to the bridge", gazette,
                Instant.parse("2024-03-05T12:00:00Z"), List.of(
                        claim("QUANTITY", gazette, TRAFFIC, null,
                                new QuantityData(40000, 36000, 44000, "vehicles cross", "about"), null),
                        claim("REPORTED", gazette, NEW_CLAIM, "the port authority", null, TUESDAY)));
    }

    /** A fourth outlet, to arrive while the page is open. */
    long fourth() throws SQLException {
        String herald = TRAFFIC + " " + LIVE_CLAIM;
        return events.article("Bay Herald", "Ferries stay on weekends", herald, Instant.parse("2024-03-05T14:00:00Z"),
                List.of(claim("QUANTITY", herald, TRAFFIC, null,
                                new QuantityData(40000, 36000, 44000, "vehicles cross", "about"), null),
                        claim("REPORTED", herald, LIVE_CLAIM, "the operator", null, null)));
    }
}
