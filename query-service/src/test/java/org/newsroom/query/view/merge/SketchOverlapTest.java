package org.newsroom.query.view.merge;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The wire-copy sketches' overlap, written without branches on the comparison, against its plain definition: the
 * share of the union's {@link WireCopyDetector#SKETCH} smallest values that both sketches hold.
 */
class SketchOverlapTest {

    private static double plain(long[] a, long[] b) {
        TreeSet<Long> union = new TreeSet<>();
        TreeSet<Long> inA = new TreeSet<>();
        for (long v : a) {
            union.add(v);
            inA.add(v);
        }
        TreeSet<Long> inB = new TreeSet<>();
        for (long v : b) {
            union.add(v);
            inB.add(v);
        }
        int seen = 0;
        int both = 0;
        for (long v : union) {
            if (seen == WireCopyDetector.SKETCH) {
                break;
            }
            seen++;
            both += inA.contains(v) && inB.contains(v) ? 1 : 0;
        }
        return seen == 0 ? 0 : (double) both / seen;
    }

    /** Ascending, distinct sketches of every length up to past a full one, sharing some values and not others. */
    private static long[] sketch(Random random, long[] pool, double share, int length) {
        TreeSet<Long> values = new TreeSet<>();
        while (values.size() < length) {
            values.add(random.nextDouble() < share ? pool[random.nextInt(pool.length)] : random.nextLong());
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void overlapIsThePlainOne() {
        Random random = new Random(5);
        long[] pool = new long[300];
        for (int i = 0; i < pool.length; i++) {
            // extremes too: the comparison is of signed longs
            pool[i] = i < 2 ? (i == 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : random.nextLong();
        }
        for (int round = 0; round < 3_000; round++) {
            double share = random.nextDouble();
            long[] a = sketch(random, pool, share, random.nextInt(WireCopyDetector.SKETCH + 40));
            long[] b = sketch(random, pool, share, random.nextInt(WireCopyDetector.SKETCH + 40));
            assertEquals(plain(a, b), WireCopyDetector.jaccard(a, b), a.length + " and " + b.length);
            assertEquals(plain(b, a), WireCopyDetector.jaccard(b, a), b.length + " and " + a.length);
        }
        assertEquals(0, WireCopyDetector.jaccard(new long[0], new long[0]));
        long[] same = sketch(random, pool, 0.5, WireCopyDetector.SKETCH + 10);
        assertEquals(1, WireCopyDetector.jaccard(same, same.clone()));
    }
}
