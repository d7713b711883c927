package org.newsroom.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds counted figures in a sentence ("nearly 8,000 people were detained", "two dozen killed", "33%").
 *
 * <p>Qualifier rule (value, low, high): exact n -> (n, n, n); about/around/roughly/approximately/some/an estimated ->
 * (n, 0.9n, 1.1n); nearly/almost/close to/just under -> (n, 0.9n, n); at least/more than/over/upwards of ->
 * (n, n, UNBOUNDED); just over -> (n, n, 1.1n); up to/as many as/at most/fewer than/less than/under -> (n, 0, n).
 * Vague plurals use their conventional range with value = low: dozens 24-99, hundreds 200-999, thousands 2,000-9,999,
 * tens of thousands 20,000-99,999, millions 2-9.99 million; "several" and "a few" multiply a scale word by 3 (range 2-9).
 * Years, dates, ages, times of day, ordinals, durations, hyphenated adjectives and identifiers are not quantities.
 */
final class QuantityParser {
    /** A quantity with the token range it covers. */
    record Found(Quantity quantity, int fromToken, int toToken) {}

    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?|\\d+(\\.\\d+)?");
    private static final Pattern COMPOUND_NUMBER = Pattern.compile(
            "(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)");
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    private static final Pattern PERCENT_TOKEN = Pattern.compile("(\\d+(\\.\\d+)?)%");
    private static final Map<String, Double> WORDS = Map.ofEntries(Map.entry("two", 2.0), Map.entry("three", 3.0),
            Map.entry("four", 4.0), Map.entry("five", 5.0), Map.entry("six", 6.0), Map.entry("seven", 7.0),
            Map.entry("eight", 8.0), Map.entry("nine", 9.0), Map.entry("ten", 10.0), Map.entry("eleven", 11.0),
            Map.entry("twelve", 12.0), Map.entry("thirteen", 13.0), Map.entry("fourteen", 14.0), Map.entry("fifteen", 15.0),
            Map.entry("sixteen", 16.0), Map.entry("seventeen", 17.0), Map.entry("eighteen", 18.0),
            Map.entry("nineteen", 19.0), Map.entry("twenty", 20.0), Map.entry("thirty", 30.0), Map.entry("forty", 40.0),
            Map.entry("fifty", 50.0), Map.entry("sixty", 60.0), Map.entry("seventy", 70.0), Map.entry("eighty", 80.0),
            Map.entry("ninety", 90.0), Map.entry("dozen", 12.0), Map.entry("hundred", 100.0), Map.entry("thousand", 1e3));
    private static final Map<String, Double> SCALES = Map.of("hundred", 100.0, "thousand", 1e3, "million", 1e6,
            "billion", 1e9, "trillion", 1e12, "dozen", 12.0, "m", 1e6, "bn", 1e9, "mn", 1e6, "k", 1e3);
    /** Vague plural counts: {low, high}. */
    private static final Map<String, double[]> VAGUE = Map.of("dozens", new double[] {24, 99}, "hundreds",
            new double[] {200, 999}, "thousands", new double[] {2e3, 9999}, "millions", new double[] {2e6, 9.99e6},
            "billions", new double[] {2e9, 9.99e9});
    private static final Set<String> TIME_UNITS = Set.of("second", "seconds", "minute", "minutes", "hour", "hours", "day",
            "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century", "centuries",
            "a.m.", "p.m.", "am", "pm", "o'clock", "years-old", "time", "times", "round", "rounds", "th", "st", "nd", "rd");
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");
    /** A figure inherits the counted noun or verb of the previous one only when coordinated closely with it. */
    private static final int MAX_COORDINATION_GAP = 8;
    private static final Set<String> COORDINATORS = Set.of("and", "or", ",", "while", "but");
    /** Prepositional participles that introduce a subset, not the verb of the count. */
    private static final Set<String> NOT_COUNT_VERBS = Set.of("including", "excluding", "involving", "following",
            "according", "regarding", "concerning");
    /** "the two leaders" refers back to known things; it does not claim a count. */
    private static final Set<String> DEFINITE = Set.of("the", "these", "those");
    private static final Set<String> CLOCK = Set.of("am", "pm", "gmt", "utc", "et", "bst", "cet");
    /** Words after which a number is an identifier ("Article 5", "No. 10"), not a count. */
    private static final Set<String> IDENTIFIER_NOUNS = Set.of("aged", "age", "no", "#", "number", "page", "chapter",
            "article", "section", "route", "flight", "room", "version", "level", "grade", "phase", "step", "covid", "g",
            "top", "resolution", "item", "line", "gate", "platform", "channel", "act", "bill");
    private static final Set<String> AGE_VERBS = Set.of("now", "is", "was", "turned", "turns", "aged");
    private static final Set<String> AUX_OR_ADV = Set.of("AUX", "ADV", "PART");
    private static final Set<String> CURRENCIES = Set.of("$", "£", "€", "¥", "us$");
    private static final Set<String> CURRENCY_WORDS = Set.of("dollars", "euros", "pounds", "yuan", "rubles", "roubles",
            "yen", "rupees", "francs");
    /** Qualifier phrases, longest first, with their normalized form. */
    private static final String[][] QUALIFIERS = {
        {"no fewer than", "at least"}, {"no less than", "at least"}, {"in excess of", "more than"},
        {"just under", "just under"}, {"just over", "just over"}, {"more than", "more than"}, {"at least", "at least"},
        {"up to", "up to"}, {"as many as", "up to"}, {"at most", "up to"}, {"no more than", "up to"},
        {"fewer than", "fewer than"}, {"less than", "fewer than"}, {"close to", "nearly"}, {"an estimated", "about"},
        {"upwards of", "more than"}, {"nearly", "nearly"}, {"almost", "nearly"}, {"about", "about"}, {"around", "about"},
        {"roughly", "about"}, {"approximately", "about"}, {"some", "about"}, {"over", "more than"},
        {"under", "fewer than"}, {"estimated", "about"}};

    private QuantityParser() {}

    static List<Found> parse(TaggedSentence s) {
        List<Token> t = s.tokens();
        List<Found> out = new ArrayList<>();
        String previousNoun = null;
        String previousVerb = null;
        int previousEnd = Integer.MIN_VALUE / 2;
        int i = 0;
        while (i < t.size()) {
            double[] number = number(t, i);
            if (number == null || isExcluded(t, i, (int) number[3])) {
                i++;
                continue;
            }
            int end = (int) number[3];
            String unitNoun = null;
            boolean percent = false;
            boolean money = i > 0 && CURRENCIES.contains(t.get(i - 1).lower());
            if (end < t.size() && (t.get(end).text().equals("%") || t.get(end).lower().equals("percent"))) {
                percent = true;
                end++;
            } else if (end + 1 < t.size() && t.get(end).lower().equals("per") && t.get(end + 1).lower().equals("cent")) {
                percent = true;
                end += 2;
            } else if (PERCENT_TOKEN.matcher(t.get(i).text()).matches()) {
                percent = true;
            }
            if (end < t.size() && TIME_UNITS.contains(t.get(end).lower())) {
                i = end;
                continue;
            }
            int nounEnd = end;
            if (!percent) {
                if (nounEnd < t.size() && isOpeningQuote(t.get(nounEnd))) {
                    nounEnd++;
                }
                if (nounEnd < t.size() && t.get(nounEnd).lower().equals("of") && number[4] == 1) {
                    nounEnd++;
                }
                int k = nounEnd;
                int lastNoun = -1;
                while (k < t.size() && k < nounEnd + 5 && (isNounPhrasePart(t.get(k)) || isHyphenatedPart(t, k))) {
                    if (t.get(k).pos().equals("NOUN") || t.get(k).pos().equals("PROPN")) {
                        lastNoun = k;
                    }
                    k++;
                }
                if (lastNoun >= 0) {
                    lastNoun = partitiveEnd(t, lastNoun);
                    unitNoun = join(t, nounEnd, lastNoun + 1);
                    nounEnd = lastNoun + 1;
                } else if (end < t.size() && CURRENCY_WORDS.contains(t.get(end).lower())) {
                    money = true;
                }
            }
            if (unitNoun == null && !percent && previousNoun != null && i - previousEnd <= MAX_COORDINATION_GAP
                    && end < t.size() && !isNounPhrasePart(t.get(end))) {
                unitNoun = previousNoun;
            }
            int qualifierStart = i;
            String qualifier = null;
            for (String[] q : QUALIFIERS) {
                int len = (int) q[0].chars().filter(ch -> ch == ' ').count() + 1;
                if (i - len >= 0 && join(t, i - len, i).equalsIgnoreCase(q[0]) && !(i - len > 0 && money)) {
                    qualifier = q[1];
                    qualifierStart = i - len;
                    break;
                }
            }
            if (money) {
                qualifierStart = Math.min(qualifierStart, i - 1);
            }
            String verb = verbAfter(t, percent ? end : nounEnd);
            if (verb == null) {
                verb = verbBefore(t, money ? i - 1 : qualifierStart);
            }
            if (verb == null && previousVerb != null && i - previousEnd <= MAX_COORDINATION_GAP && qualifierStart > 0
                    && COORDINATORS.contains(t.get(qualifierStart - 1).lower())) {
                verb = previousVerb;
            }
            String what = percent ? "percent" : money ? currency(t, i) : unitNoun;
            if (what == null && verb == null) {
                i = end;
                continue;
            }
            String unit = what == null ? verb : verb == null ? what : what + " " + verb;
            out.add(new Found(quantity(number, qualifier, unit), qualifierStart, Math.max(end, nounEnd)));
            if (unitNoun != null) {
                previousNoun = unitNoun;
            }
            previousVerb = verb;
            previousEnd = Math.max(end, nounEnd);
            i = Math.max(end, nounEnd);
        }
        return out;
    }

    /** Parses a number at token i: {value, low, high, endToken, vague(1/0)} or null. */
    private static double[] number(List<Token> t, int i) {
        String w = t.get(i).lower();
        double[] vague = VAGUE.get(w);
        if (vague != null) {
            if (w.equals("thousands") && i >= 2 && t.get(i - 1).lower().equals("of") && t.get(i - 2).lower().equals("tens")) {
                return null;
            }
            if (w.equals("thousands") && i + 2 < t.size() && t.get(i + 1).lower().equals("of")
                    && t.get(i + 2).lower().equals("thousands")) {
                return new double[] {2e5, 2e5, 999999, i + 3, 1};
            }
            return new double[] {vague[0], vague[0], vague[1], i + 1, 1};
        }
        if (w.equals("tens") && i + 2 < t.size() && t.get(i + 1).lower().equals("of") && t.get(i + 2).lower().equals("thousands")) {
            return new double[] {2e4, 2e4, 99999, i + 3, 1};
        }
        if ((w.equals("several") || w.equals("few")) && i + 1 < t.size() && SCALES.containsKey(t.get(i + 1).lower())) {
            double scale = SCALES.get(t.get(i + 1).lower());
            int start = w.equals("few") && i > 0 && t.get(i - 1).lower().equals("a") ? i - 1 : i;
            return start < 0 ? null : new double[] {3 * scale, 2 * scale, 9 * scale, i + 2, 1};
        }
        Double base = null;
        String text = t.get(i).text();
        // Both numeral patterns start with a digit and the compound number has a hyphen: most tokens skip the regexes.
        boolean numeral = !text.isEmpty() && text.charAt(0) >= '0' && text.charAt(0) <= '9';
        java.util.regex.Matcher pm = numeral ? PERCENT_TOKEN.matcher(text) : null;
        if (pm != null && pm.matches()) {
            double v = Double.parseDouble(pm.group(1));
            return new double[] {v, v, v, i + 1, 0};
        }
        if (numeral && DIGITS.matcher(text).matches()) {
            base = Double.parseDouble(text.replace(",", ""));
        } else if (WORDS.containsKey(w) && !w.equals("hundred") && !w.equals("thousand") && !w.equals("dozen")) {
            base = WORDS.get(w);
        } else if (w.indexOf('-') > 0 && COMPOUND_NUMBER.matcher(w).matches()) {
            String[] parts = w.split("-");
            base = WORDS.get(parts[0]) + WORDS.get(parts[1]);
        } else if ((w.equals("a") || w.equals("one")) && i + 1 < t.size()
                && SCALES.containsKey(t.get(i + 1).lower()) && t.get(i + 1).lower().length() > 2) {
            base = 1.0;
        }
        if (base == null) {
            return null;
        }
        int end = i + 1;
        while (end < t.size() && SCALES.containsKey(t.get(end).lower()) && (end > i + 1 || !t.get(end).lower().equals("k"))) {
            base *= SCALES.get(t.get(end).lower());
            end++;
        }
        return new double[] {base, base, base, end, end > i + 1 && t.get(end - 1).lower().equals("dozen") ? 1 : 0};
    }

    private static boolean isExcluded(List<Token> t, int i, int end) {
        Token tok = t.get(i);
        String w = tok.text();
        boolean hyphenAfter = end < t.size() && t.get(end).text().equals("-") && t.get(end).start() == t.get(end - 1).end();
        boolean hyphenBefore = i > 0 && t.get(i - 1).text().equals("-") && t.get(i - 1).end() == tok.start();
        if (w.contains("-") && !COMPOUND_NUMBER.matcher(w).matches() || hyphenAfter || hyphenBefore) {
            return true;
        }
        if (FOUR_DIGITS.matcher(w).matches()) {
            int year = Integer.parseInt(w);
            if (year >= 1000 && year <= 2100 && end == i + 1) {
                return true;
            }
        }
        String prev = i > 0 ? t.get(i - 1).lower().replace(".", "") : "";
        String next = end < t.size() ? t.get(end).lower().replace(".", "") : "";
        if (MONTHS.contains(prev) || MONTHS.contains(next) || (next.equals("of") && end + 1 < t.size()
                && MONTHS.contains(t.get(end + 1).lower()))) {
            return true;
        }
        if (DEFINITE.contains(prev) || next.equals(":") || CLOCK.contains(next) || next.startsWith("year-old") || IDENTIFIER_NOUNS.contains(prev)) {
            return true;
        }
        if (next.equals("years") && end + 1 < t.size() && t.get(end + 1).lower().equals("old")) {
            return true;
        }
        boolean agePosition = (prev.equals(",") && i >= 2 && t.get(i - 2).isProperNoun()
                || AGE_VERBS.contains(prev))
                && (end >= t.size() || SpeakerResolver.isPunct(t.get(end)));
        if (agePosition) {
            return true;
        }
        return i > 0 && t.get(i - 1).isProperNoun() && t.get(i - 1).isCapitalized() && i > 1
                && !tok.text().contains(",") && (end >= t.size() || !isNounPhrasePart(t.get(end)));
    }

    private static boolean isNounPhrasePart(Token t) {
        String p = t.pos();
        return (p.equals("NOUN") || p.equals("ADJ") || p.equals("PROPN")) && !TIME_UNITS.contains(t.lower())
                || t.text().equals("-");
    }

    /** Extends "pieces" to "pieces of military hardware" when an undetermined noun phrase follows "of". */
    private static int partitiveEnd(List<Token> t, int head) {
        if (head + 2 < t.size() && t.get(head + 1).lower().equals("of") && isNounPhrasePart(t.get(head + 2))) {
            int k = head + 2;
            int last = head;
            while (k < t.size() && k < head + 6 && isNounPhrasePart(t.get(k))) {
                if (t.get(k).pos().equals("NOUN") || t.get(k).pos().equals("PROPN")) {
                    last = k;
                }
                k++;
            }
            return last;
        }
        return head;
    }

    /** "Russian-led": a hyphen glued to its neighbours, and the word after it, belong to the modifier. */
    private static boolean isHyphenatedPart(List<Token> t, int k) {
        boolean hyphen = t.get(k).text().equals("-");
        int h = hyphen ? k : k - 1;
        return h > 0 && h + 1 < t.size() && t.get(h).text().equals("-") && t.get(h - 1).end() == t.get(h).start()
                && t.get(h).end() == t.get(h + 1).start();
    }

    private static boolean isOpeningQuote(Token t) {
        return t.text().equals("“") || t.text().equals("\"") || t.text().equals("‘");
    }

    /** Verbs that raise a hedge over the real verb: "are believed to have been killed". */
    private static final Set<String> RAISING_VERBS = Set.of("believed", "thought", "said", "reported", "feared",
            "estimated", "expected", "known", "understood", "confirmed", "presumed", "likely");
    /** Light verbs whose meaning lies in the phrase that follows: "taken into custody", "placed under arrest". */
    private static final Set<String> LIGHT_VERBS = Set.of("taken", "put", "placed", "held", "kept", "brought");
    private static final int VERB_WINDOW = 8;
    private static final int PARENTHETICAL_WINDOW = 14;

    /** The verb of the count after the counted noun, looking past hedges and a parenthetical (", including …,"). */
    private static String verbAfter(List<Token> t, int from) {
        int start = skipParenthetical(t, from);
        for (int k = start; k < Math.min(t.size(), start + VERB_WINDOW); k++) {
            Token tok = t.get(k);
            if (tok.pos().equals("VERB")) {
                if (RAISING_VERBS.contains(tok.lower()) && k + 1 < t.size() && t.get(k + 1).lower().equals("to")) {
                    k++;
                    continue;
                }
                return withPhrase(t, k);
            }
            if (!AUX_OR_ADV.contains(tok.pos()) && !tok.lower().equals("reportedly")) {
                return null;
            }
        }
        return null;
    }

    /** Past ", including sixteen officers," when the clause's verb follows it; otherwise where it was. */
    private static int skipParenthetical(List<Token> t, int from) {
        if (from >= t.size() || !t.get(from).text().equals(",")) {
            return from;
        }
        for (int k = from + 1; k < Math.min(t.size(), from + PARENTHETICAL_WINDOW); k++) {
            if (t.get(k).text().equals(",")) {
                return k + 1 < t.size() && isVerbal(t.get(k + 1)) ? k + 1 : from;
            }
        }
        return from + 1 < t.size() && isVerbal(t.get(from + 1)) ? from + 1 : from;
    }

    private static boolean isVerbal(Token tok) {
        return tok.pos().equals("AUX") || tok.pos().equals("VERB");
    }

    private static String withPhrase(List<Token> t, int k) {
        String verb = t.get(k).lower();
        if (LIGHT_VERBS.contains(verb) && k + 2 < t.size() && t.get(k + 1).pos().equals("ADP")
                && t.get(k + 2).pos().equals("NOUN")) {
            return verb + " " + t.get(k + 1).lower() + " " + t.get(k + 2).lower();
        }
        return verb;
    }

    private static String verbBefore(List<Token> t, int from) {
        for (int k = from - 1; k >= Math.max(0, from - 3); k--) {
            Token tok = t.get(k);
            if (tok.pos().equals("VERB")) {
                return Lexicon.SPEECH_VERBS.contains(tok.lower()) || NOT_COUNT_VERBS.contains(tok.lower()) ? null : tok.lower();
            }
            if (!AUX_OR_ADV.contains(tok.pos()) && !tok.pos().equals("DET")) {
                return null;
            }
        }
        return null;
    }

    private static String currency(List<Token> t, int i) {
        String symbol = i > 0 ? t.get(i - 1).lower() : "";
        return switch (symbol) {
            case "$", "us$" -> "dollars";
            case "£" -> "pounds";
            case "€" -> "euros";
            case "¥" -> "yen";
            default -> "money";
        };
    }

    private static Quantity quantity(double[] n, String qualifier, String unit) {
        double v = n[0];
        double low = n[1];
        double high = n[2];
        if (qualifier == null) {
            return new Quantity(v, low, high, unit, null);
        }
        return switch (qualifier) {
            case "about" -> new Quantity(v, Math.min(low, 0.9 * v), Math.max(high, 1.1 * v), unit, qualifier);
            case "nearly", "just under" -> new Quantity(v, Math.min(low, 0.9 * v), v, unit, qualifier);
            case "at least", "more than" -> new Quantity(v, low, Quantity.UNBOUNDED, unit, qualifier);
            case "just over" -> new Quantity(v, low, Math.max(high, 1.1 * v), unit, qualifier);
            default -> new Quantity(v, 0, high, unit, qualifier);
        };
    }

    private static String join(List<Token> t, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from && t.get(k).start() > t.get(k - 1).end()) {
                b.append(' ');
            }
            b.append(t.get(k).text());
        }
        return b.toString();
    }
}
