package org.newsroom.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The seven figures with their goals, plus detail lines; prints the table, the JSON line and BENCHMARKS.md. */
final class Report {

    record Goal(String key, String what, boolean atLeast, double target) {
        boolean met(double value) {
            return !Double.isNaN(value) && (atLeast ? value >= target : value <= target);
        }

        String text() {
            return (atLeast ? ">= " : "<= ") + format(target);
        }
    }

    static final List<Goal> GOALS = List.of(
            new Goal("append_ratio", "event store events/s (3-4 per append, 4 callers, group commit) / plain JDBC batch INSERT events/s", true, 0.5),
            new Goal("ingest_articles_per_s", "sustained POST /articles rate, seed-sized articles, concurrency 4", true, 20),
            new Goal("rebuild_events_per_s", "events/s replayed by POST /admin/rebuild", true, 20_000),
            new Goal("query_ratio", "GET /stories/{id} (100-article story) req/s / GET /q/health/live req/s, concurrency 32", true, 0.5),
            new Goal("query_p99_ms", "p99 latency of that story request", false, 20),
            new Goal("lag_p99_ms", "p99 time from a 201 to the article visible in the read model, under steady ingest", false, 250),
            new Goal("scaling_1000_vs_10", "per-article ingest time joining a 1,000-article story / a 10-article story", false, 2.0));

    private final Map<String, Double> values = new LinkedHashMap<>();
    private final List<String> details = new ArrayList<>();
    private final List<String[]> breakdown = new ArrayList<>();
    private final Map<String, String> memory = new LinkedHashMap<>();

    void put(String key, double value) {
        values.put(key, value);
    }

    void detail(String line) {
        details.add(line);
        System.err.println("[bench] " + line);
    }

    void breakdown(String piece, String millis, String how) {
        breakdown.add(new String[] {piece, millis, how});
    }

    void memory(String service, String peakRss) {
        memory.put(service, peakRss);
    }

    String table() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-22s %12s %10s %-5s %s%n", "figure", "value", "goal", "met", "what"));
        for (Goal g : GOALS) {
            double v = values.getOrDefault(g.key(), Double.NaN);
            s.append(String.format("%-22s %12s %10s %-5s %s%n", g.key(), format(v), g.text(), g.met(v) ? "yes" : "NO",
                    g.what()));
        }
        s.append(String.format("%nbreakdown of one article's ingest (in-process, median of JMH runs over the seeds)%n"));
        for (String[] row : breakdown) {
            s.append(String.format("  %-26s %10s ms  %s%n", row[0], row[1], row[2]));
        }
        s.append(String.format("%npeak RSS (VmHWM)%n"));
        memory.forEach((k, v) -> s.append(String.format("  %-26s %s%n", k, v)));
        s.append(String.format("%ndetails%n"));
        details.forEach(d -> s.append("  ").append(d).append('\n'));
        return s.toString();
    }

    String json() {
        StringBuilder s = new StringBuilder("{");
        for (Goal g : GOALS) {
            double v = values.getOrDefault(g.key(), Double.NaN);
            if (s.length() > 1) {
                s.append(", ");
            }
            // JSON has no NaN: a figure that could not be measured is -1
            s.append('"').append(g.key()).append("\": ").append(Double.isNaN(v) ? "-1" : format(v).replace(",", ""));
        }
        return s.append('}').toString();
    }

    String markdown(String machine, String date, String command, String analysis) {
        StringBuilder s = new StringBuilder("# Benchmarks\n\n");
        s.append("Written by `").append(command).append("` on ").append(date).append(". Rerun it to refresh this file;\n")
                .append("the section *Bottlenecks* comes from `bench/bottlenecks.md`.\n\n## Machine\n\n").append(machine)
                .append("\n\n## Figures\n\n| figure | value | goal | met | what |\n|---|---|---|---|---|\n");
        for (Goal g : GOALS) {
            double v = values.getOrDefault(g.key(), Double.NaN);
            s.append("| `").append(g.key()).append("` | ").append(format(v)).append(" | ").append(g.text())
                    .append(" | ").append(g.met(v) ? "yes" : "**no**").append(" | ").append(g.what()).append(" |\n");
        }
        s.append("\n## Breakdown of one article's ingest\n\n| piece | ms | how |\n|---|---|---|\n");
        breakdown.forEach(r -> s.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2]).append(" |\n"));
        s.append("\n## Peak RSS (VmHWM)\n\n");
        memory.forEach((k, v) -> s.append("- ").append(k).append(": ").append(v).append('\n'));
        s.append("\n## Details\n\n");
        details.forEach(d -> s.append("- ").append(d).append('\n'));
        s.append("\n## JSON\n\n```json\n").append(json()).append("\n```\n\n").append(analysis);
        return s.toString();
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
    }
}
