package org.newsroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What bench/run prints and writes: the table, the last line's JSON object, and BENCHMARKS.md. */
class ReportTest {

    private static final List<String> KEYS = List.of("append_ratio", "ingest_articles_per_s", "rebuild_events_per_s",
            "query_ratio", "query_p99_ms", "lag_p99_ms", "scaling_1000_vs_10");

    @Test
    void theJsonLineHasTheSevenKeysInOrderAndMinusOneForWhatWasNotMeasured() throws Exception {
        Report report = new Report();
        report.put("append_ratio", 0.627);
        report.put("rebuild_events_per_s", 23_762.4);
        report.put("query_p99_ms", 3.8333);
        report.put("lag_p99_ms", Double.NaN);

        String line = report.json();
        assertFalse(line.contains("\n"), line);
        JsonNode json = new ObjectMapper().readTree(line);
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertEquals(KEYS, names);
        assertEquals(0.627, json.get("append_ratio").asDouble());
        assertEquals(23_762, json.get("rebuild_events_per_s").asDouble());
        assertEquals(3.833, json.get("query_p99_ms").asDouble());
        assertEquals(-1, json.get("ingest_articles_per_s").asDouble());
        assertEquals(-1, json.get("lag_p99_ms").asDouble());
    }

    @Test
    void aGoalIsMetAtItsLimitAndNotBeyondItOrWhenUnmeasured() {
        Report.Goal atLeast = goal("rebuild_events_per_s");
        assertTrue(atLeast.met(20_000));
        assertFalse(atLeast.met(19_999.9));
        assertFalse(atLeast.met(Double.NaN));
        Report.Goal atMost = goal("lag_p99_ms");
        assertTrue(atMost.met(250));
        assertFalse(atMost.met(250.1));
        assertEquals(KEYS, Report.GOALS.stream().map(Report.Goal::key).toList());
    }

    @Test
    void theTableAndTheMarkdownShowEachFigureBesideItsGoal() {
        Report report = new Report();
        report.put("ingest_articles_per_s", 51.1);
        report.put("lag_p99_ms", 347);
        report.breakdown("embeddings", "6.911", "JMH");
        report.memory("query-service (pid 1)", "4628428 kB");
        report.detail("rebuild runs (events/s): [1, 2, 3]");

        String table = report.table();
        assertTrue(table.lines().anyMatch(l -> l.startsWith("ingest_articles_per_s") && l.contains("51.1")
                && l.contains(">= 20.0") && l.contains(" yes ")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("lag_p99_ms") && l.contains("347")
                && l.contains("<= 250") && l.contains(" NO ")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("append_ratio") && l.contains("n/a")), table);

        String markdown = report.markdown("- CPU: test", "2026-12-03T20:38:30Z", "bench/run", "## Bottlenecks\n\nwhy\n");
        assertTrue(markdown.startsWith("# Benchmarks\n"), markdown);
        assertTrue(markdown.contains("Written by `bench/run` on 2026-12-03T20:38:30Z"), markdown);
        assertTrue(markdown.contains("## Machine\n\n- CPU: test"), markdown);
        assertTrue(markdown.contains("| `lag_p99_ms` | 347 | <= 250 | **no** |"), markdown);
        assertTrue(markdown.contains("| `ingest_articles_per_s` | 51.1 | >= 20.0 | yes |"), markdown);
        assertTrue(markdown.contains("| embeddings | 6.911 | JMH |"), markdown);
        assertTrue(markdown.contains("- query-service (pid 1): 4628428 kB"), markdown);
        assertTrue(markdown.contains("- rebuild runs (events/s): [1, 2, 3]"), markdown);
        assertTrue(markdown.contains("```json\n" + report.json() + "\n```"), markdown);
        assertTrue(markdown.endsWith("## Bottlenecks\n\nwhy\n"), markdown);
    }

    private static Report.Goal goal(String key) {
        return Report.GOALS.stream().filter(g -> g.key().equals(key)).findFirst().orElseThrow();
    }
}
