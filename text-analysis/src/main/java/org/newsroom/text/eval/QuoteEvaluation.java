package org.newsroom.text.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.newsroom.text.AnalyzedArticle;
import org.newsroom.text.ArticleAnalyzer;
import org.newsroom.text.ArticleInput;
import org.newsroom.text.Claim;
import org.newsroom.text.ClaimKind;

/**
 * Measures quote detection and speaker attribution against BASIL-style gold annotations.
 * Usage: {@code QuoteEvaluation <folder> [--verbose]}; each subfolder is a cluster of {@code *.json} articles.
 */
public final class QuoteEvaluation {
    /** A gold span counts as found when a QUOTE/REPORTED claim covers at least this share of it. */
    private static final double MIN_OVERLAP = 0.5;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final java.util.Set<String> GROUP_WORDS = java.util.Set.of("lawmakers", "officials", "campaign",
            "members", "party", "committee", "and", "democrats", "republicans", "supporters", "critics", "house", "white",
            "administration", "gop", "tea");

    private static final class Tally {
        int articles;
        int gold;
        int unmapped;
        int found;
        int speakerGold;
        int speakerCorrect;
        int personGold;
        int personCorrect;
        int predictedQuotes;
        int quotesOverlappingGold;
        int quotesInsideMarks;
        int quotesWithSpeaker;
        int reported;
        int quantities;
        int statements;
        long sentences;
        long nanos;

        void add(Tally o) {
            articles += o.articles;
            gold += o.gold;
            unmapped += o.unmapped;
            found += o.found;
            speakerGold += o.speakerGold;
            speakerCorrect += o.speakerCorrect;
            personGold += o.personGold;
            personCorrect += o.personCorrect;
            predictedQuotes += o.predictedQuotes;
            quotesOverlappingGold += o.quotesOverlappingGold;
            quotesInsideMarks += o.quotesInsideMarks;
            quotesWithSpeaker += o.quotesWithSpeaker;
            reported += o.reported;
            quantities += o.quantities;
            statements += o.statements;
            sentences += o.sentences;
            nanos += o.nanos;
        }
    }

    private QuoteEvaluation() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: QuoteEvaluation <folder> [--verbose]");
            System.exit(2);
        }
        boolean verbose = args.length > 1 && args[1].equals("--verbose");
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        ObjectMapper json = new ObjectMapper();
        Map<String, Tally> byOutlet = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            Path root = Path.of(args[0]);
            files = walk.filter(p -> p.toString().endsWith(".json") && root.relativize(p).getNameCount() == 2).sorted().toList();
        }
        for (Path file : files) {
            JsonNode article = json.readTree(file.toFile());
            Tally t = evaluate(analyzer, article, verbose ? System.out : null, file);
            byOutlet.computeIfAbsent(file.getFileName().toString().replace(".json", ""), k -> new Tally()).add(t);
        }
        Tally total = new Tally();
        byOutlet.values().forEach(total::add);
        printTable(byOutlet, total);
    }

    private static Tally evaluate(ArticleAnalyzer analyzer, JsonNode article, PrintStream log, Path file) {
        String raw = article.path("text").asText();
        String date = article.path("date").asText(null);
        ArticleInput input = new ArticleInput(article.path("title").asText(null), raw, null,
                date == null || date.isBlank() ? null : LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC));
        long started = CPU.getCurrentThreadCpuTime();
        AnalyzedArticle result = analyzer.analyze(input);
        Tally t = new Tally();
        t.nanos = CPU.getCurrentThreadCpuTime() - started;
        t.articles = 1;
        t.sentences = result.sentences().size();
        String text = result.text();
        List<int[]> goldSpans = new ArrayList<>();
        for (JsonNode g : article.path("gold_phrase_annotations")) {
            int[] span = locate(text, raw.substring(g.path("char_start").asInt(), g.path("char_end").asInt()));
            if (span != null) {
                goldSpans.add(span);
            }
            if (!g.path("is_quote").asBoolean()) {
                continue;
            }
            t.gold++;
            if (span == null) {
                t.unmapped++;
                continue;
            }
            Claim best = bestClaim(result.claims(), span);
            String goldSpeaker = g.path("speaker").isTextual() ? g.path("speaker").asText() : null;
            if (best == null) {
                if (log != null) {
                    log.printf("MISS  %s [%s] %s%n", file.getParent().getFileName() + "/" + file.getFileName(), goldSpeaker,
                            text.substring(span[0], span[1]));
                }
                continue;
            }
            t.found++;
            if (goldSpeaker != null && !goldSpeaker.startsWith("other")) {
                t.speakerGold++;
                boolean ok = sameSpeaker(goldSpeaker, best.speaker());
                if (isPersonName(goldSpeaker)) {
                    t.personGold++;
                    t.personCorrect += ok ? 1 : 0;
                }
                if (ok) {
                    t.speakerCorrect++;
                } else if (log != null) {
                    log.printf("SPKR  %s gold=%s predicted=%s: %s%n", file.getFileName(), goldSpeaker, best.speaker(),
                            text.substring(span[0], span[1]));
                }
            }
        }
        for (Claim c : result.claims()) {
            switch (c.kind()) {
                case QUOTE -> {
                    t.predictedQuotes++;
                    if (goldSpans.stream().anyMatch(g -> overlap(g, c.start(), c.end()) > 0)) {
                        t.quotesOverlappingGold++;
                    }
                    if (insideMarks(text, c.start(), c.end())) {
                        t.quotesInsideMarks++;
                    } else if (log != null) {
                        log.printf("NOTQ  %s %s%n", file.getFileName(), c.text());
                    }
                    if (c.speaker() != null) {
                        t.quotesWithSpeaker++;
                    }
                }
                case REPORTED -> t.reported++;
                case QUANTITY -> {
                    t.quantities++;
                    if (log != null) {
                        log.printf("QTY   %s %s | %s%n", file.getFileName(), c.quantity(), c.text());
                    }
                }
                case STATEMENT -> t.statements++;
            }
        }
        return t;
    }

    /** Finds the gold text in the normalized text, comparing with whitespace collapsed. */
    private static int[] locate(String text, String gold) {
        String needle = gold.strip().replaceAll("\\s+", " ");
        if (needle.isEmpty()) {
            return null;
        }
        int at = text.indexOf(needle);
        if (at < 0) {
            String[] lines = gold.strip().split("\\s*\\n\\s*");
            needle = String.join("\n\n", lines).replaceAll("[ \\t\\u00A0]+", " ");
            at = text.indexOf(needle);
        }
        return at < 0 ? null : new int[] {at, at + needle.length()};
    }

    private static Claim bestClaim(List<Claim> claims, int[] span) {
        Claim best = null;
        double bestScore = 0;
        for (Claim c : claims) {
            if (c.kind() != ClaimKind.QUOTE && c.kind() != ClaimKind.REPORTED) {
                continue;
            }
            double covered = overlap(span, c.start(), c.end()) / (double) Math.max(1, span[1] - span[0]);
            double score = covered + (c.kind() == ClaimKind.QUOTE ? 0.01 : 0);
            if (covered >= MIN_OVERLAP && score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    private static int overlap(int[] span, int start, int end) {
        return Math.max(0, Math.min(span[1], end) - Math.max(span[0], start));
    }

    /** Gold speakers such as "Democratic_lawmakers" or "Obama_campaign" name groups, not one person. */
    static boolean isPersonName(String gold) {
        String[] parts = gold.split("_");
        for (String p : parts) {
            if (p.isEmpty() || !Character.isUpperCase(p.charAt(0)) || GROUP_WORDS.contains(p.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return parts.length >= 2 || parts[0].length() > 4 && !parts[0].equals(parts[0].toUpperCase(Locale.ROOT));
    }

    /** Gold speakers are "First_Last" ids; compare surnames, case-insensitively. */
    static boolean sameSpeaker(String gold, String predicted) {
        if (predicted == null) {
            return false;
        }
        return lastToken(gold.replace('_', ' ')).equals(lastToken(predicted));
    }

    private static String lastToken(String s) {
        String[] parts = s.strip().toLowerCase(Locale.ROOT).replaceAll("[’']s$", "").split("[\\s_]+");
        return parts[parts.length - 1];
    }

    /** Independent check that a predicted quote is enclosed by quotation marks in its paragraph. */
    static boolean insideMarks(String text, int start, int end) {
        int paragraphStart = text.lastIndexOf("\n\n", start);
        paragraphStart = paragraphStart < 0 ? 0 : paragraphStart + 2;
        String before = text.substring(paragraphStart, start).stripTrailing();
        return !before.isEmpty() && "“\"‘'«".indexOf(before.charAt(before.length() - 1)) >= 0
                || (start == paragraphStart && end <= text.length());
    }

    private static void printTable(Map<String, Tally> byOutlet, Tally total) {
        System.out.printf("%-8s %8s %5s %8s %8s %8s %6s %8s %6s %7s %8s %8s %9s %8s %9s%n", "outlet", "articles", "gold",
                "unmapped", "recall", "spk-acc", "spk-n", "per-acc", "per-n", "q-pred", "q-prec*", "q-marks", "q-spkrate",
                "reported", "quantity");
        byOutlet.forEach((name, t) -> row(name, t));
        row("TOTAL", total);
        double seconds = total.nanos / 1e9;
        System.out.printf("%nspeed: %d sentences in %.2f CPU-s = %.0f sentences per CPU-second (one pass, JIT warm-up included)%n",
                total.sentences, seconds, total.sentences / seconds);
        System.out.println("recall: gold quotes (is_quote) covered >= 50% by a QUOTE or REPORTED claim; unmapped gold spans count as misses");
        System.out.println("spk-acc: found gold quotes with a named gold speaker (not other_*) whose predicted speaker has the same surname");
        System.out.println("per-acc: the same, restricted to gold speakers that name one person (not groups such as Democratic_lawmakers)");
        System.out.println("q-prec*: predicted QUOTE claims overlapping any gold phrase (gold is not exhaustive: a lower bound)");
        System.out.println("q-marks: predicted QUOTE claims whose span is opened by a quotation mark (or starts a paragraph of a running quote)");
    }

    private static void row(String name, Tally t) {
        System.out.printf("%-8s %8d %5d %8d %8.3f %8.3f %6d %8.3f %6d %7d %8.3f %8.3f %9.3f %8d %9d%n", name, t.articles,
                t.gold, t.unmapped, ratio(t.found, t.gold), ratio(t.speakerCorrect, t.speakerGold), t.speakerGold,
                ratio(t.personCorrect, t.personGold), t.personGold, t.predictedQuotes, ratio(t.quotesOverlappingGold, t.predictedQuotes),
                ratio(t.quotesInsideMarks, t.predictedQuotes), ratio(t.quotesWithSpeaker, t.predictedQuotes), t.reported,
                t.quantities);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
