package org.newsroom.query.view.text;

import java.util.Arrays;

/** Character shingles as hash sets, word shingles as the smallest of their hashes, and their overlap. */
public final class Shingles {

    private Shingles() {
    }

    /** Hashes of the character n-grams of the text's lowercase letters and digits, single-spaced. */
    public static IntSet characters(String text, int n) {
        // The single-spaced text is never made: its last n characters are kept in a ring, and the n-gram's hash
        // (String.hashCode's polynomial) rolled on: the oldest character's term taken out, the new one's put in.
        char[] ring = new char[n];
        int oldest = 1;
        for (int i = 1; i < n; i++) {
            oldest *= 31;
        }
        int at = 0;
        int h = 0;
        int[] hashes = new int[Math.max(0, text.length() + 1 - n)];
        int count = 0;
        int length = 0;
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char normal;
            if (c < 128 ? (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') : Character.isLetterOrDigit(c)) {
                normal = c < 128 ? c : Character.toLowerCase(c);
                space = false;
            } else if (c < 128 && c >= 'A' && c <= 'Z') {
                normal = (char) (c + ('a' - 'A'));
                space = false;
            } else if (!space) {
                normal = ' ';
                space = true;
            } else {
                continue;
            }
            if (length >= n) {
                h -= ring[at] * oldest;
            }
            h = 31 * h + normal;
            ring[at] = normal;
            at = at + 1 == n ? 0 : at + 1;
            length++;
            if (length >= n) {
                hashes[count++] = h;
            }
        }
        return new IntSet(hashes, count);
    }

    /**
     * A set of int hashes to count overlaps with: an open-addressing table, filled once. A claim's few hundred
     * character shingles go in faster so than they sort (sorting was a seventh of a replay's builds), and a lookup in
     * a table of a few KiB costs about what a step of a sorted merge does.
     */
    public static final class IntSet {
        /** The values, 0 standing for an empty slot; a 0 among the values is {@link #zero}. */
        private final int[] table;
        private final int shift;
        private final boolean zero;
        /** The distinct values, in the order first met. */
        private final int[] values;

        /** The distinct values among the first {@code count} of {@code hashes} (which become the set's). */
        IntSet(int[] hashes, int count) {
            int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, 2 * count - 1));
            table = new int[1 << Math.max(3, bits)];
            shift = 32 - Integer.numberOfTrailingZeros(table.length);
            int mask = table.length - 1;
            boolean hasZero = false;
            int distinct = 0;
            for (int i = 0; i < count; i++) {
                int v = hashes[i];
                if (v == 0) {
                    if (!hasZero) {
                        hasZero = true;
                        hashes[distinct++] = 0;
                    }
                    continue;
                }
                int slot = slot(v);
                while (true) {
                    int at = table[slot];
                    if (at == 0) {
                        table[slot] = v;
                        hashes[distinct++] = v;
                        break;
                    }
                    if (at == v) {
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
            }
            zero = hasZero;
            values = distinct == hashes.length ? hashes : Arrays.copyOf(hashes, distinct);
        }

        private int slot(int v) {
            return (v * 0x9e3779b9) >>> shift;
        }

        public int size() {
            return values.length;
        }

        public boolean contains(int v) {
            if (v == 0) {
                return zero;
            }
            int mask = table.length - 1;
            for (int slot = slot(v); ; slot = (slot + 1) & mask) {
                int at = table[slot];
                if (at == v) {
                    return true;
                }
                if (at == 0) {
                    return false;
                }
            }
        }

        /** How many values the two sets share. */
        public int common(IntSet other) {
            return common(other, Integer.MAX_VALUE);
        }

        /**
         * How many values the two sets share, counted only up to {@code enough}: the count, or {@code enough} as
         * soon as that many are found.
         */
        public int common(IntSet other, int enough) {
            IntSet small = size() <= other.size() ? this : other;
            IntSet large = small == this ? other : this;
            int common = 0;
            for (int v : small.values) {
                if (large.contains(v) && ++common >= enough) {
                    return enough;
                }
            }
            return common;
        }

        /**
         * Whether the two sets share at least {@code needed} values: decided as soon as that many are found, or
         * when too few values are left to look up for that many.
         */
        public boolean shareAtLeast(IntSet other, int needed) {
            IntSet small = size() <= other.size() ? this : other;
            IntSet large = small == this ? other : this;
            int[] values = small.values;
            int common = 0;
            for (int i = 0; i < values.length; i++) {
                if (common + values.length - i < needed) {
                    return false;
                }
                if (large.contains(values[i]) && ++common >= needed) {
                    return true;
                }
            }
            return common >= needed;
        }

        /** The values in ascending order. */
        public int[] sorted() {
            int[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted;
        }
    }

    private static final long SHINGLE_SEED = 1125899906842597L;

    /** The {@code values} smallest of a set of hashes, ascending, and how many hashes the set holds. */
    public record Smallest(long[] values, int distinct) {
    }

    /**
     * 64-bit hashes of the runs of n consecutive tokens, given by their {@link String#hashCode}s, each mixed again
     * by {@code mix(h ^ salt)}: the {@code k} smallest of the distinct ones, and how many distinct ones there are.
     */
    public static Smallest smallestWords(int[] tokenHashes, int n, long salt, int k) {
        int count = Math.max(0, tokenHashes.length - n + 1);
        long[] hashes = new long[count];
        int i = 0;
        // Two shingles at a time: each one's hash is a chain of mixes, and two chains run side by side.
        for (; i + 1 < count; i += 2) {
            long h = SHINGLE_SEED;
            long g = SHINGLE_SEED;
            for (int j = 0; j < n; j++) {
                h = mix(h * 31 + tokenHashes[i + j]);
                g = mix(g * 31 + tokenHashes[i + 1 + j]);
            }
            hashes[i] = mix(h ^ salt);
            hashes[i + 1] = mix(g ^ salt);
        }
        for (; i < count; i++) {
            long h = SHINGLE_SEED;
            for (int j = 0; j < n; j++) {
                h = mix(h * 31 + tokenHashes[i + j]);
            }
            // a bijection of the shingle's hash: as many distinct values as distinct shingles
            hashes[i] = mix(h ^ salt);
        }
        int distinct = distinctCount(hashes);
        if (distinct > 2 * k) {
            // Mixed hashes spread evenly over the longs: about 2k of the distinct ones lie below this bound. Only
            // those are sorted, unless fewer than k do.
            long offset = (long) ((double) 2 * k / distinct * 0x1p63);
            long bound = Long.MIN_VALUE + offset + offset;
            long[] low = new long[count];
            int lows = 0;
            for (long h : hashes) {
                if (h <= bound) {
                    low[lows++] = h;
                }
            }
            long[] smallest = distinctSorted(Arrays.copyOf(low, lows));
            if (smallest.length >= k) {
                return new Smallest(Arrays.copyOf(smallest, k), distinct);
            }
        }
        long[] all = distinctSorted(hashes);
        return new Smallest(all.length > k ? Arrays.copyOf(all, k) : all, distinct);
    }

    /** How many distinct values, counted in an open-addressing table (0 kept apart, as the empty slot's mark). */
    private static int distinctCount(long[] values) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, 2 * values.length - 1));
        long[] table = new long[1 << Math.max(3, bits)];
        int shift = 64 - Integer.numberOfTrailingZeros(table.length);
        int mask = table.length - 1;
        boolean zero = false;
        int distinct = 0;
        for (long v : values) {
            if (v == 0) {
                distinct += zero ? 0 : 1;
                zero = true;
                continue;
            }
            for (int slot = (int) ((v * 0x9e3779b97f4a7c15L) >>> shift); ; slot = (slot + 1) & mask) {
                long at = table[slot];
                if (at == 0) {
                    table[slot] = v;
                    distinct++;
                    break;
                }
                if (at == v) {
                    break;
                }
            }
        }
        return distinct;
    }

    /** The Jaccard index of two sets of these sizes that share {@code common} values. */
    private static double jaccard(int a, int b, int common) {
        return (double) common / (a + b - common);
    }

    /**
     * {@code min(cap, J)} of the sets' Jaccard index J (0 for two empty sets): their common values are counted only
     * until there are enough for the index to reach {@code cap}.
     */
    public static double jaccardUpTo(IntSet a, IntSet b, double cap) {
        if (a.size() == 0 && b.size() == 0) {
            return Math.min(cap, 0);
        }
        int needed = fewestCommon(a.size(), b.size(), cap);
        int common = a.common(b, needed);
        return common >= needed ? cap : Math.min(cap, jaccard(a.size(), b.size(), common));
    }

    /** Whether the sets' Jaccard index (0 for two empty sets) reaches {@code threshold}, looked up only as needed. */
    public static boolean jaccardAtLeast(IntSet a, IntSet b, double threshold) {
        if (a.size() == 0 && b.size() == 0) {
            return 0 >= threshold;
        }
        return a.shareAtLeast(b, fewestCommon(a.size(), b.size(), threshold));
    }

    /**
     * The fewest common values of two sets of these sizes whose index, computed as {@link #jaccard(int, int, int)}
     * does, reaches {@code threshold}; one more than the smaller size if none does. The index grows with the count,
     * so the estimate {@code threshold (a + b) / (1 + threshold)} is only moved to where the computed index crosses.
     */
    static int fewestCommon(int a, int b, double threshold) {
        int most = Math.min(a, b);
        int c = (int) Math.max(0, Math.min(most + 1, Math.ceil(threshold * (a + b) / (1 + threshold))));
        while (c > 0 && jaccard(a, b, c - 1) >= threshold) {
            c--;
        }
        while (c <= most && jaccard(a, b, c) < threshold) {
            c++;
        }
        return c;
    }

    /** How many values two ascending, distinct arrays share. */
    public static int common(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        // Without branches on the comparison, which no predictor guesses: each step moves past the smaller, or both.
        while (i < a.length && j < b.length) {
            int x = a[i];
            int y = b[j];
            common += x == y ? 1 : 0;
            i += x <= y ? 1 : 0;
            j += x >= y ? 1 : 0;
        }
        return common;
    }

    /** A strong 64-bit mixer (SplitMix64's finaliser), so bottom-k sketches see uniform hashes. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long[] distinctSorted(long[] values) {
        Arrays.sort(values);
        int distinct = 0;
        for (int i = 0; i < values.length; i++) {
            if (distinct == 0 || values[i] != values[distinct - 1]) {
                values[distinct++] = values[i];
            }
        }
        return distinct == values.length ? values : Arrays.copyOf(values, distinct);
    }
}
