package org.newsroom.query.view.text;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/** Character and word shingles as sorted hash sets, and their overlap. */
public final class Shingles {

    private Shingles() {
    }

    /** Hashes of the character n-grams of the text's lowercase letters and digits, single-spaced. */
    public static int[] characters(String text, int n) {
        StringBuilder normal = new StringBuilder(text.length());
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                normal.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                normal.append(' ');
                space = true;
            }
        }
        int count = Math.max(0, normal.length() - n + 1);
        int[] hashes = new int[count];
        for (int i = 0; i < count; i++) {
            int h = 0;
            for (int j = 0; j < n; j++) {
                h = 31 * h + normal.charAt(i + j);
            }
            hashes[i] = h;
        }
        return distinctSorted(hashes);
    }

    /** 64-bit hashes of the runs of n consecutive words. */
    public static long[] words(List<String> tokens, int n) {
        int count = Math.max(0, tokens.size() - n + 1);
        long[] hashes = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 1125899906842597L;
            for (int j = 0; j < n; j++) {
                h = mix(h * 31 + tokens.get(i + j).hashCode());
            }
            hashes[i] = h;
        }
        return LongStream.of(hashes).sorted().distinct().toArray();
    }

    public static double jaccard(int[] a, int[] b) {
        if (a.length == 0 && b.length == 0) {
            return 0;
        }
        int common = common(a, b);
        return (double) common / (a.length + b.length - common);
    }

    public static int common(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                common++;
                i++;
                j++;
            }
        }
        return common;
    }

    /** A strong 64-bit mixer (SplitMix64's finaliser), so bottom-k sketches see uniform hashes. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int[] distinctSorted(int[] values) {
        return IntStream.of(values).sorted().distinct().toArray();
    }
}
