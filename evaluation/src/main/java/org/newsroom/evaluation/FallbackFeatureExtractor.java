package org.newsroom.evaluation;

import org.newsroom.assignment.ArticleEmbedder;
import org.newsroom.assignment.ArticleFeatures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Surface-level features without linguistic analysis, standing in for the text-analysis module: capitalised word
 * runs as entities, numbers with the word that follows as quantities, text between quotation marks as quotes.
 */
public final class FallbackFeatureExtractor implements FeatureExtractor {

    private static final int LEAD_SENTENCES = 3;
    private static final int MAX_ENTITIES = 20;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’]?)\\s+(?=[\"“‘]?[A-Z])");
    private static final Pattern NAME = Pattern.compile(
            "[A-Z][A-Za-z.'’&-]*(?: (?:(?:of|for|de|del|al|bin|van|von|the) )?[A-Z][A-Za-z.'’&-]*)*");
    private static final Pattern QUANTITY = Pattern.compile(
            "(\\$)?(\\d[\\d,]*(?:\\.\\d+)?)(?:\\s*(%|percent|thousand|million|billion|trillion)\\b)?(?:[\\s-]+([a-z]+))?");
    private static final Pattern QUOTE = Pattern.compile("[\"“]([^\"“”]{12,600})[\"”]");
    /** Capitalised only because they start a sentence or a title, or titles before a name. */
    private static final Set<String> NOT_NAMES = Set.of(
            "a", "an", "the", "and", "but", "or", "so", "if", "as", "at", "by", "in", "on", "to", "of", "for", "from",
            "with", "after", "before", "while", "when", "where", "what", "who", "why", "how", "this", "that", "these",
            "those", "there", "here", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their",
            "our", "my", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "sgt", "prof", "president",
            "senator", "governor", "former", "speaker", "secretary", "chairman", "director", "judge", "mayor",
            "rev", "st", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
            "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
            "december", "not", "no", "yes", "all", "some", "many", "more", "most", "one", "two", "also", "now",
            "then", "still", "even", "just", "only", "read", "click", "related", "photo", "video");
    private static final Set<String> UNIT_STOPWORDS = Set.of(
            "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "by", "from", "with", "as", "is",
            "was", "were", "are", "that", "p", "a.m", "pm", "am");

    private final ArticleEmbedder embedder;

    public FallbackFeatureExtractor(ArticleEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public ArticleFeatures extract(String title, String text, Instant publishedAt) {
        String body = text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\\n+ ?", "\n").strip();
        String[] sentences = SENTENCE_END.split(body);
        String lead = String.join(" ", Arrays.copyOf(sentences, Math.min(LEAD_SENTENCES, sentences.length)))
                .replace('\n', ' ');
        return embedder.features(title, lead, entities(title, lead, body), quantities(body), quotes(body),
                publishedAt);
    }

    /**
     * Names of the body ranked by mentions, a name also in the title or lead counting extra; a surname counts for
     * its full name. Title-case headlines are not mined for names, only used to weigh the body's.
     */
    static List<String> entities(String title, String lead, String body) {
        String words = " " + body.replaceAll("[^A-Za-z0-9]+", " ") + " ";
        Map<String, Integer> mentions = new LinkedHashMap<>();
        for (String name : names(body)) {
            if (!isCommonWord(name, words)) {
                mentions.merge(name, 1, Integer::sum);
            }
        }
        for (String name : List.copyOf(mentions.keySet())) {
            if (name.indexOf(' ') < 0) {
                fullNameOf(name, mentions.keySet()).ifPresent(full -> mentions.merge(full, mentions.remove(name),
                        Integer::sum));
            }
        }
        mentions.replaceAll((name, count) -> count + (mentioned(name, title) ? 2 : 0) + (mentioned(name, lead) ? 1 : 0));
        List<String> firstSeen = List.copyOf(mentions.keySet());
        return mentions.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .sorted((a, b) -> a.getValue().equals(b.getValue())
                        ? Integer.compare(firstSeen.indexOf(a.getKey()), firstSeen.indexOf(b.getKey()))
                        : Integer.compare(b.getValue(), a.getValue()))
                .limit(MAX_ENTITIES)
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Capitalised word runs within a paragraph, cut at titles and function words ("Kazakh President Kassym
     * Tokayev"), after a possessive ("Russia's President") and after a word that ends a sentence.
     */
    private static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            List<String> run = new ArrayList<>();
            for (String word : m.group().split(" ")) {
                boolean possessive = word.endsWith("'s") || word.endsWith("’s");
                if (Character.isUpperCase(word.charAt(0)) && NOT_NAMES.contains(key(word))) {
                    names.add(clean(run));
                    run.clear();
                    continue;
                }
                run.add(possessive ? word.substring(0, word.length() - 2) : word);
                if (possessive || endsSentence(word)) {
                    names.add(clean(run));
                    run.clear();
                }
            }
            names.add(clean(run));
        }
        names.removeIf(String::isEmpty);
        return names;
    }

    /** "Comey." ends a sentence; "U.S.", "Gov." and "J." do not. */
    private static boolean endsSentence(String word) {
        return word.endsWith(".") && word.chars().filter(Character::isLetter).count() >= 4
                && word.chars().anyMatch(Character::isLowerCase) && word.indexOf('.') == word.length() - 1;
    }

    private static boolean mentioned(String name, String text) {
        if (text.contains(name)) {
            return true;
        }
        int space = name.lastIndexOf(' ');
        return space > 0 && text.contains(name.substring(space + 1));
    }

    private static java.util.Optional<String> fullNameOf(String single, Set<String> names) {
        return names.stream().filter(n -> n.endsWith(" " + single)).sorted().findFirst();
    }

    /** Leading function words and titles dropped, possessive and trailing sentence dot removed. */
    private static String clean(List<String> run) {
        List<String> words = new ArrayList<>(run);
        while (!words.isEmpty() && NOT_NAMES.contains(key(words.get(0)))) {
            words.remove(0);
        }
        while (!words.isEmpty() && NOT_NAMES.contains(key(words.get(words.size() - 1)))) {
            words.remove(words.size() - 1);
        }
        if (words.isEmpty()) {
            return "";
        }
        String name = String.join(" ", words).replaceAll("['’]s?$", "");
        if (name.endsWith(".") && !name.matches(".*\\b[A-Z]\\.$")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.length() < 2 ? "" : name;
    }

    private static String key(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    /** A single capitalised word that also appears in lower case is an ordinary word at a sentence start. */
    private static boolean isCommonWord(String name, String words) {
        return name.indexOf(' ') < 0 && !name.equals(name.toUpperCase(Locale.ROOT))
                && words.contains(" " + name.toLowerCase(Locale.ROOT) + " ");
    }

    /** "8,000 detained" becomes "8000 detained", "$1.5 million in" becomes "1500000 dollars"; bare years are skipped. */
    static List<String> quantities(String body) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = QUANTITY.matcher(body);
        while (m.find()) {
            boolean dollars = m.group(1) != null;
            String scale = m.group(3);
            String word = m.group(4);
            BigDecimal value = new BigDecimal(m.group(2).replace(",", "").replaceAll("\\.$", ""));
            if (scale != null && !scale.equals("%") && !scale.equals("percent")) {
                value = value.multiply(BigDecimal.TEN.pow(switch (scale) {
                    case "thousand" -> 3;
                    case "million" -> 6;
                    case "billion" -> 9;
                    default -> 12;
                }));
            }
            String unit = dollars ? "dollars"
                    : scale != null && (scale.equals("%") || scale.equals("percent")) ? "percent"
                    : word != null && !UNIT_STOPWORDS.contains(word) ? word : null;
            if (unit != null) {
                found.add(value.stripTrailingZeros().toPlainString() + " " + unit);
            }
        }
        return List.copyOf(found);
    }

    static List<String> quotes(String body) {
        List<String> quotes = new ArrayList<>();
        Matcher m = QUOTE.matcher(body);
        while (m.find()) {
            String quote = m.group(1).strip();
            if (quote.split("\\s+").length >= 5) {
                quotes.add(quote);
            }
        }
        return quotes;
    }
}
