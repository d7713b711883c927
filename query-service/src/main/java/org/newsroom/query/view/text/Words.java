package org.newsroom.query.view.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads text the way the merger compares it: lowercase words, contractions expanded ("won't" is "will not"),
 * negation noted apart, stopwords dropped, a few synonyms and counted-event families folded, light stems.
 */
public final class Words {

    private static final int STEM_LENGTH = 8;
    private static final String[][] BRITISH_ENDINGS = {{"isation", "ization"}, {"ising", "izing"}, {"ised", "ized"},
            {"ises", "izes"}, {"ise", "ize"}};

    private Words() {
    }

    /** What a text says, reduced for comparison. {@code numbers} are the figures written in digits. */
    public record Reading(List<String> terms, boolean negated, List<Double> numbers) {
    }

    /** Lowercase tokens; internal apostrophes kept, hyphens split, digit groups joined ("2,030" is "2030"). */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        char[] current = new char[Math.min(text.length(), 64)];
        int length = 0;
        char[] chars = text.toCharArray();
        int n = chars.length;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            char kept = kept(chars, i, c, length, length > 0 ? current[length - 1] : 0);
            if (kept != 0) {
                if (kept != SKIP) {
                    if (length == current.length) {
                        current = Arrays.copyOf(current, 2 * length);
                    }
                    current[length++] = kept;
                }
            } else if (length > 0) {
                tokens.add(new String(current, 0, length));
                length = 0;
            }
        }
        if (length > 0) {
            tokens.add(new String(current, 0, length));
        }
        return tokens;
    }

    /**
     * The {@link String#hashCode} of each of {@link #tokens}, in order, without making the tokens: what word
     * shingles are made of.
     */
    public static int[] tokenHashes(String text) {
        int[] hashes = new int[16];
        int count = 0;
        int hash = 0;
        int length = 0;
        char last = 0;
        // the characters copied out once: a whole article's text is read so, and charAt checked every index
        char[] chars = text.toCharArray();
        int n = chars.length;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            char kept = kept(chars, i, c, length, last);
            if (kept != 0) {
                if (kept != SKIP) {
                    hash = 31 * hash + kept;
                    length++;
                    last = kept;
                }
            } else if (length > 0) {
                if (count == hashes.length) {
                    hashes = Arrays.copyOf(hashes, 2 * count);
                }
                hashes[count++] = hash;
                hash = 0;
                length = 0;
            }
        }
        if (length > 0) {
            hashes = count == hashes.length ? Arrays.copyOf(hashes, count + 1) : hashes;
            hashes[count++] = hash;
        }
        return Arrays.copyOf(hashes, count);
    }

    /** {@link #kept}'s answer for a character that joins a token but adds nothing to it: a digit group's comma. */
    private static final char SKIP = '\uffff';

    /**
     * What character {@code c}, at {@code i}, adds to the token being read ({@code length} long, ending in
     * {@code last}): its lowercase form, an apostrophe, {@link #SKIP}, or 0 if it ends the token.
     */
    private static char kept(char[] text, int i, char c, int length, char last) {
        if (c < 128) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                return c;
            }
            if (c >= 'A' && c <= 'Z') {
                return (char) (c + ('a' - 'A'));
            }
        } else if (Character.isLetterOrDigit(c)) {
            return Character.toLowerCase(c);
        }
        int n = text.length;
        if (isApostrophe(c) && length > 0 && i + 1 < n && Character.isLetter(text[i + 1])) {
            return '\'';
        }
        if ((c == ',' || c == '.') && length > 0 && Character.isDigit(last) && i + 1 < n
                && Character.isDigit(text[i + 1])) {
            return c == '.' ? '.' : SKIP;
        }
        return 0;
    }

    /**
     * What a token reads as: its terms in order (contractions expanded, stopwords and negators left out, figures kept
     * as they are written), the values of its figures, and whether it negates. The same for every text it is in.
     */
    private static final class TokenReading {
        private static final double[] NO_NUMBERS = new double[0];

        /** The token's characters, packed ({@link #pack}) when it is short, else null. */
        private final long packed;
        private final char[] chars;
        private final int length;
        private final int hash;
        private final String[] terms;
        private final double[] numbers;
        private final boolean negates;

        private TokenReading(String token, String[] terms, double[] numbers, boolean negates) {
            long pack = 0;
            for (int i = 0; i < token.length(); i++) {
                pack = pack(pack, i, token.charAt(i));
            }
            this.packed = pack;
            this.chars = pack == UNPACKED ? token.toCharArray() : null;
            this.length = token.length();
            this.hash = token.hashCode();
            this.terms = terms;
            this.numbers = numbers;
            this.negates = negates;
        }

        static TokenReading of(String token) {
            List<String> terms = new ArrayList<>(1);
            List<Double> numbers = new ArrayList<>(0);
            boolean negates = false;
            for (String word : expand(token)) {
                if (EnglishLexicon.NEGATORS.contains(word)) {
                    negates = true;
                } else if (Character.isDigit(word.charAt(0))) {
                    terms.add(word);
                    numbers.add(parse(word));
                } else if (!EnglishLexicon.STOPWORDS.contains(word)) {
                    terms.add(term(word));
                }
            }
            return new TokenReading(token, terms.toArray(String[]::new),
                    numbers.isEmpty() ? NO_NUMBERS : numbers.stream().mapToDouble(Double::doubleValue).toArray(),
                    negates);
        }

        /**
         * Whether this is the reading of {@code token[0, length)}, whose hash and {@link #pack} are given: a short
         * token is told by its packed characters, without reaching an array of them.
         */
        boolean is(char[] token, int length, int tokenHash, long tokenPacked) {
            if (hash != tokenHash || this.length != length || packed != tokenPacked) {
                return false;
            }
            if (packed != UNPACKED) {
                return true;
            }
            // a plain loop: for a word's few characters, Arrays.equals cost more than the rest of the lookup
            for (int i = 0; i < length; i++) {
                if (chars[i] != token[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@link #pack}'s answer for a token too long, or with a character past Latin-1, to pack. */
    private static final long UNPACKED = -1;

    /**
     * The packed characters of a token so far (0 for none), with character {@code c} at index {@code i} added: up to
     * eight characters below 256, a byte each, the first in the lowest byte (no token character is 0, so no two
     * tokens of one length share a packing); {@link #UNPACKED} for any other token.
     */
    static long pack(long packed, int i, char c) {
        // i < 8 and c < 256 in one test, small enough to be inlined everywhere; UNPACKED has every bit set, so
        // or-ing more characters into it leaves it so
        return ((i & ~7) | (c & ~0xFF)) == 0 ? packed | (long) c << (i << 3) : UNPACKED;
    }

    /**
     * The readings of tokens seen before, by hash: every claim of every story is read with them. One slot per hash
     * value, each holding the last token read there: two tokens that share a slot only read each other's out, which
     * costs a recomputation, never a wrong term. Written without locks: a reading is immutable, so any thread sees it
     * whole or not at all.
     */
    private static final int READ_BITS = 17;
    private static final TokenReading[] READ = new TokenReading[1 << READ_BITS];

    public static Reading read(String text) {
        List<String> result = new ArrayList<>();
        List<Double> numbers = new ArrayList<>();
        boolean negated = false;
        // The tokens of tokens(text), read as they end, each looked up by its hash without being made a string.
        char[] token = new char[Math.min(Math.max(text.length(), 1), 64)];
        int length = 0;
        int hash = 0;
        long packed = 0;
        char[] chars = text.toCharArray();
        int n = chars.length;
        for (int i = 0; i <= n; i++) {
            char kept = i < n ? kept(chars, i, chars[i], length, length > 0 ? token[length - 1] : 0) : 0;
            if (kept != 0) {
                if (kept != SKIP) {
                    if (length == token.length) {
                        token = Arrays.copyOf(token, 2 * length);
                    }
                    packed = pack(packed, length, kept);
                    token[length++] = kept;
                    hash = 31 * hash + kept;
                }
                continue;
            }
            if (length == 0) {
                continue;
            }
            int slot = (hash * 0x9e3779b9) >>> (32 - READ_BITS);
            TokenReading reading = READ[slot];
            if (reading == null || !reading.is(token, length, hash, packed)) {
                reading = TokenReading.of(new String(token, 0, length));
                READ[slot] = reading;
            }
            negated |= reading.negates;
            for (String term : reading.terms) {
                result.add(term);
            }
            for (double number : reading.numbers) {
                numbers.add(number);
            }
            length = 0;
            hash = 0;
            packed = 0;
        }
        return new Reading(result, negated, numbers);
    }

    /** One content word as compared: family, synonym or light stem. */
    public static String term(String word) {
        String w = EnglishLexicon.irregular(word);
        String family = EnglishLexicon.family(w);
        if (family != null) {
            return family;
        }
        w = EnglishLexicon.synonym(w);
        w = american(w);
        String lemma = lemma(w);
        family = EnglishLexicon.family(lemma);
        if (family != null) {
            return family;
        }
        String synonym = EnglishLexicon.synonym(lemma);
        if (synonym.equals(lemma)) {
            synonym = EnglishLexicon.synonym(lemma + "e");
            if (synonym.equals(lemma + "e")) {
                synonym = lemma;
            }
        }
        return truncate(synonym);
    }

    static List<String> expand(String token) {
        String t = token;
        if (t.endsWith("n't")) {
            String base = t.substring(0, t.length() - 3);
            base = switch (base) {
                case "wo" -> "will";
                case "ca" -> "can";
                case "sha" -> "shall";
                case "ai" -> "is";
                default -> base;
            };
            return base.isEmpty() ? List.of("not") : List.of(base, "not");
        }
        if (t.equals("cannot")) {
            return List.of("can", "not");
        }
        int apostrophe = t.indexOf('\'');
        if (apostrophe > 0) {
            t = t.substring(0, apostrophe);
        }
        return List.of(t);
    }

    /** British spellings folded into American ones so "colour" meets "color" and "destabilise" "destabilize". */
    private static String american(String w) {
        if (w.length() > 5) {
            int our = w.indexOf("our", 2);
            if (our > 0) {
                w = w.substring(0, our) + "or" + w.substring(our + 3);
            }
            for (String[] pair : BRITISH_ENDINGS) {
                if (w.endsWith(pair[0]) && w.length() > pair[0].length() + 3) {
                    return w.substring(0, w.length() - pair[0].length()) + pair[1];
                }
            }
        }
        return w;
    }

    /** Inflection removed: plural, past tense, gerund, adverb. */
    static String lemma(String w) {
        if (w.length() <= 3) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("sses")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("ied") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("ed") && !w.endsWith("eed") && w.length() > 4 && hasVowel(w, w.length() - 2)) {
            w = undouble(w.substring(0, w.length() - 2));
        } else if (w.endsWith("ing") && w.length() > 5 && hasVowel(w, w.length() - 3)) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.endsWith("ly") && w.length() > 5) {
            w = w.substring(0, w.length() - 2);
        }
        return w;
    }

    private static String truncate(String w) {
        if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w.length() > STEM_LENGTH ? w.substring(0, STEM_LENGTH) : w;
    }

    private static String undouble(String w) {
        int n = w.length();
        if (n >= 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0
                && !isVowel(w.charAt(n - 1))) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    private static boolean hasVowel(String w, int end) {
        for (int i = 0; i < end; i++) {
            if (isVowel(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018';
    }

    private static double parse(String digits) {
        // digits alone, as most figures are: their value is exact in a long, and so in a double, below 10^15
        if (digits.length() <= 15) {
            long value = 0;
            int i = 0;
            for (; i < digits.length(); i++) {
                char c = digits.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                value = 10 * value + (c - '0');
            }
            if (i == digits.length()) {
                return value;
            }
        }
        try {
            return Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

}
