package org.newsroom.cli;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** Invented articles about a few invented events, worded differently by each outlet: many land in one story. */
final class TestArticles {

    private record Event(String headline, String place, String person, String role, String noun, String verb) {
    }

    private static final List<Event> EVENTS = List.of(
            new Event("Floods cut off valley towns", "Brennmoor", "Ilsa Varga", "Governor", "residents", "evacuated"),
            new Event("Port workers strike over pay", "Caldera Bay", "Tomas Rieck", "union leader", "workers", "joined"),
            new Event("Wildfire burns across northern hills", "Ostvale", "Maren Holt", "fire chief", "homes", "destroyed"),
            new Event("Rail line reopens after landslide", "Kerrin Pass", "Devi Anand", "transport minister",
                    "passengers", "stranded"),
            new Event("Hospital opens new cancer wing", "Lindqvist", "Oskar Brandt", "hospital director",
                    "patients", "treated"));

    private TestArticles() {
    }

    static Map<String, Object> article(int n, Random random) {
        Event e = EVENTS.get(n % EVENTS.size());
        int figure = 100 * (10 + random.nextInt(90));
        String text = """
                %s, %s: The situation in %s drew national attention on Monday as officials gave new figures.

                About %,d %s were %s, %s %s said at a briefing in %s.

                "We are doing everything we can for the people of %s," %s told reporters.

                Report number %d from outlet %d adds that local groups were organising help.
                """.formatted(e.place().toUpperCase(), e.headline(), e.place(), figure, e.noun(), e.verb(),
                e.role(), e.person(), e.place(), e.place(), e.person(), n, n % 7);
        return Map.of("outlet", "Outlet " + (n % 7), "url", "https://news.example.org/" + n + "-" + random.nextLong(),
                "title", e.headline() + " in " + e.place(), "publishedAt", "2024-05-0" + (1 + n % 5) + "T10:00:00Z",
                "text", text);
    }
}
