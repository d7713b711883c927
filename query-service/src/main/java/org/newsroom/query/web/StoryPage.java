package org.newsroom.query.web;

import org.newsroom.query.api.StoryQueries.Mark;
import org.newsroom.query.view.StoryView;
import org.newsroom.query.view.StoryView.ArticleRef;
import org.newsroom.query.view.StoryView.MergedClaim;
import org.newsroom.query.view.StoryView.MentionView;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the reader page shows of one story view: claims grouped by kind, the articles' texts, and the geometry of
 * the timeline and coverage charts (computed here, so the page needs no chart script). A pure function of its input.
 */
public record StoryPage(StoryView view, List<Mark> versions, int latestVersion, List<ClaimGroup> claimGroups,
                        List<Source> articles, Timeline timeline, Coverage coverage) {

    public record ClaimGroup(String kind, String title, List<MergedClaim> claims) {
    }

    /** An article with its text, or null for the text when it is no longer available. */
    public record Source(ArticleRef ref, String text) {
    }

    /** An SVG of lanes (dated events, then one per outlet) over a time axis at {@code axisY}. */
    public record Timeline(int width, int height, int laneStart, int laneEnd, int axisY, int tickLabelY,
                           List<Lane> lanes, List<Tick> ticks, List<Point> events) {
    }

    public record Lane(String label, int y, int labelY, List<Point> points) {
    }

    public record Point(int x, int y, int labelY, String label, String title) {
    }

    public record Tick(int x, String label) {
    }

    /** An SVG grid: one row per outlet, one cell per claim, in the order the claims are listed. */
    public record Coverage(int width, int height, int cellSize, List<OutletRow> rows) {
    }

    public record OutletRow(String outlet, int y, int labelY, int reported, int first, int alone, List<Cell> cells) {
    }

    /** {@code state}: {@code alone} (only this outlet), {@code first}, {@code reported} or {@code absent}. */
    public record Cell(int x, String claimId, String state, String title) {
    }

    private static final Map<String, String> KINDS = kinds();
    private static final int WIDTH = 800;
    private static final int GUTTER = 150;
    private static final int LANE = 32;
    private static final int CELL = 22;
    private static final int CELL_GAP = 4;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("QUOTE", "Quotes");
        kinds.put("REPORTED", "Reported speech");
        kinds.put("QUANTITY", "Figures");
        kinds.put("STATEMENT", "Statements");
        return kinds;
    }

    public static StoryPage of(StoryView view, List<Mark> versions, Map<UUID, String> texts) {
        List<ClaimGroup> groups = groups(view.claims());
        List<MergedClaim> ordered = groups.stream().flatMap(g -> g.claims().stream()).toList();
        int latest = versions.isEmpty() ? view.version() : versions.get(versions.size() - 1).version();
        return new StoryPage(view, versions, latest, groups,
                view.articles().stream().map(a -> new Source(a, texts.get(a.id()))).toList(),
                timeline(view), coverage(view.articles(), ordered));
    }

    /** Whether this page shows the latest version of the story. */
    public boolean isLatest() {
        return view.version() >= latestVersion;
    }

    /** The position of the shown version on the version slider (1-based). */
    public int versionIndex() {
        int index = 0;
        for (Mark v : versions) {
            if (v.version() <= view.version()) {
                index++;
            }
        }
        return Math.max(index, 1);
    }

    /** The slider's versions, space-separated, for the page script. */
    public String versionList() {
        return String.join(" ", versions.stream().map(v -> Integer.toString(v.version())).toList());
    }

    public List<String> outlets() {
        return view.articles().stream().map(ArticleRef::outlet).distinct().toList();
    }

    private static List<ClaimGroup> groups(List<MergedClaim> claims) {
        Map<String, List<MergedClaim>> byKind = new LinkedHashMap<>();
        KINDS.keySet().forEach(k -> byKind.put(k, new ArrayList<>()));
        claims.forEach(c -> byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c));
        return byKind.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new ClaimGroup(e.getKey(), KINDS.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .toList();
    }

    private static Timeline timeline(StoryView view) {
        List<Instant> eventTimes = view.timeline().stream()
                .map(t -> t.date().atStartOfDay(ZoneOffset.UTC).toInstant()).toList();
        List<Instant> all = Stream.concat(eventTimes.stream(), view.articles().stream().map(ArticleRef::publishedAt))
                .toList();
        Instant from = all.stream().min(Comparator.naturalOrder()).orElse(view.asOf());
        Instant to = all.stream().max(Comparator.naturalOrder()).orElse(view.asOf());
        if (Duration.between(from, to).compareTo(Duration.ofHours(2)) < 0) {
            from = from.minus(Duration.ofHours(12));
            to = to.plus(Duration.ofHours(12));
        }
        Scale scale = new Scale(from, to);
        int y = LANE / 2 + 8;
        List<Point> events = new ArrayList<>();
        List<Lane> lanes = new ArrayList<>();
        if (!view.timeline().isEmpty()) {
            for (int i = 0; i < view.timeline().size(); i++) {
                var entry = view.timeline().get(i);
                events.add(new Point(scale.x(eventTimes.get(i)), y, y - 10, Integer.toString(i + 1),
                        entry.date() + ": " + entry.text()));
            }
            lanes.add(new Lane("Dated events", y, y + 5, events));
            y += LANE;
        }
        Map<String, List<Point>> byOutlet = new LinkedHashMap<>();
        for (ArticleRef a : view.articles()) {
            byOutlet.computeIfAbsent(a.outlet(), o -> new ArrayList<>());
        }
        for (String outlet : byOutlet.keySet()) {
            int laneY = y;
            List<Point> points = view.articles().stream().filter(a -> a.outlet().equals(outlet))
                    .map(a -> new Point(scale.x(a.publishedAt()), laneY, laneY - 10, "",
                            outlet + " published " + (a.title() == null ? "an article" : "“" + a.title() + "”")
                                    + " at " + FULL.format(a.publishedAt())))
                    .toList();
            lanes.add(new Lane(outlet, y, y + 5, points));
            y += LANE;
        }
        int axisY = y - LANE / 2 + 6;
        DateTimeFormatter format = Duration.between(from, to).compareTo(Duration.ofDays(3)) > 0 ? DAY : DAY_TIME;
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            Instant t = from.plusMillis(Duration.between(from, to).toMillis() * i / 4);
            ticks.add(new Tick(scale.x(t), format.format(t)));
        }
        return new Timeline(WIDTH, axisY + 30, GUTTER, WIDTH - 10, axisY, axisY + 20, lanes, ticks, events);
    }

    private record Scale(Instant from, Instant to) {
        int x(Instant t) {
            double span = Math.max(1, Duration.between(from, to).toMillis());
            return GUTTER + 10 + (int) Math.round((WIDTH - GUTTER - 60) * Duration.between(from, t).toMillis() / span);
        }
    }

    private static Coverage coverage(List<ArticleRef> articles, List<MergedClaim> claims) {
        Set<String> outlets = new LinkedHashSet<>();
        articles.forEach(a -> outlets.add(a.outlet()));
        List<OutletRow> rows = new ArrayList<>();
        int y = 8;
        for (String outlet : outlets) {
            List<Cell> cells = new ArrayList<>();
            int reported = 0;
            int first = 0;
            int alone = 0;
            for (int i = 0; i < claims.size(); i++) {
                MergedClaim c = claims.get(i);
                boolean has = c.mentions().stream().map(MentionView::outlet).anyMatch(outlet::equals);
                boolean isFirst = c.firstReported() != null && outlet.equals(c.firstReported().outlet());
                String state = !has ? "absent" : c.outletCount() == 1 ? "alone" : isFirst ? "first" : "reported";
                reported += has ? 1 : 0;
                first += has && isFirst ? 1 : 0;
                alone += "alone".equals(state) ? 1 : 0;
                String what = switch (state) {
                    case "alone" -> "only " + outlet + " reported";
                    case "first" -> outlet + " reported first";
                    case "reported" -> outlet + " also reported";
                    default -> outlet + " did not report";
                };
                cells.add(new Cell(GUTTER + i * (CELL + CELL_GAP), c.id(), state, what + ": " + c.text()));
            }
            rows.add(new OutletRow(outlet, y, y + CELL / 2 + 4, reported, first, alone, cells));
            y += CELL + CELL_GAP;
        }
        return new Coverage(GUTTER + Math.max(1, claims.size()) * (CELL + CELL_GAP), y + 4, CELL, rows);
    }
}
