package org.newsroom.assignment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.assignment.Reports.report;

/** Differently worded reports of one event, by different outlets, join one story. */
class SameEventJoinsTest {

    @Test
    void threeOutletsReportsOfOneEventJoinOneStory() {
        Reports.Stories stories = new Reports.Stories();
        UUID first = stories.add(strikeReport(List.of("We will not return until our demands are met")));
        Decision second = decisionFor(stories, report("2032-02-11",
                "Thousands of dockers walk out in Kelvar pay dispute",
                "Cargo ships queued outside Kelvar as some 8,000 dock workers went on strike, their union said, "
                        + "demanding higher wages. Anneke Vos, who runs the port, said the action broke the law and "
                        + "urged workers back.",
                List.of("Kelvar", "Anneke Vos", "Dockworkers Union"),
                List.of("8000 workers"),
                List.of("We will not return until our demands are met, and they know it")));
        assertEquals(first, second.storyId(), second.toString());
        Decision third = decisionFor(stories, report("2032-02-12",
                "Kelvar port at standstill for second day as union digs in",
                "The strike at Kelvar's port entered its second day on Wednesday with no talks scheduled. Union "
                        + "leaders said members would stay out. Port chief Vos said losses were mounting.",
                List.of("Kelvar", "Vos", "Kelvar Dockworkers Union"),
                List.of(),
                List.of()));
        assertEquals(first, third.storyId(), third.toString());
        assertEquals(Decision.JOINED, third.decision());
    }

    @Test
    void followUpDaysLaterJoinsTheStory() {
        Reports.Stories stories = new Reports.Stories();
        UUID strike = stories.add(strikeReport(List.of()));
        Decision end = decisionFor(stories, report("2032-02-17",
                "Kelvar dock strike ends with pay deal",
                "Dock workers in Kelvar returned to work on Monday after their union accepted a pay rise, ending a "
                        + "six-day strike that froze the harbor. Port director Anneke Vos said ships would be "
                        + "cleared by the weekend.",
                List.of("Kelvar", "Anneke Vos", "Kelvar Dockworkers Union"),
                List.of("6 days"),
                List.of()));
        assertEquals(strike, end.storyId(), end.toString());
    }

    /** The first report of the strike, with or without the union's quote. */
    private static ArticleFeatures strikeReport(List<String> quotes) {
        return report("2032-02-11",
                "Port workers strike shuts Kelvar harbor",
                "Dock workers at the port of Kelvar walked off the job on Tuesday, halting cargo traffic at the "
                        + "country's largest harbor. The Kelvar Dockworkers Union said 8,000 members joined the "
                        + "strike over pay. Port director Anneke Vos called the walkout illegal.",
                List.of("Kelvar", "Kelvar Dockworkers Union", "Anneke Vos"),
                List.of("8000 members"),
                quotes);
    }

    private static Decision decisionFor(Reports.Stories stories, ArticleFeatures article) {
        stories.add(article);
        return stories.lastDecision();
    }
}
