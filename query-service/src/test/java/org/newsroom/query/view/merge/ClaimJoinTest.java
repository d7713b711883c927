package org.newsroom.query.view.merge;

import org.junit.jupiter.api.Test;
import org.newsroom.query.view.merge.ClaimMerger.Edge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimJoinTest {

    /** The plain form of the join: every candidate scored, all pairs sorted best first, joined in that order. */
    private static int[] plainJoin(int n, List<Edge> edges, Map<Edge, Double> scores, int[] speakers,
                                   QuantityRange[] ranges) {
        List<Edge> all = new ArrayList<>();
        for (Edge e : edges) {
            if (!e.candidate()) {
                all.add(e);
            } else if (scores.get(e) >= e.threshold()) {
                all.add(new Edge(e.a(), e.b(), scores.get(e)));
            }
        }
        all.sort(ClaimMerger.BEST_FIRST);
        UnionFind sets = new UnionFind(n);
        int[] speaker = speakers.clone();
        QuantityRange[] range = ranges.clone();
        for (Edge e : all) {
            int ra = sets.find(e.a());
            int rb = sets.find(e.b());
            if (ra == rb || speaker[ra] >= 0 && speaker[rb] >= 0 && speaker[ra] != speaker[rb]
                    || range[ra] != null && range[rb] != null && !range[ra].compatible(range[rb])) {
                continue;
            }
            int root = sets.union(ra, rb);
            speaker[root] = Math.max(speaker[ra], speaker[rb]);
            range[root] = range[ra] == null ? range[rb]
                    : range[rb] == null ? range[ra] : range[ra].intersect(range[rb]);
        }
        return roots(sets, n);
    }

    private static int[] roots(UnionFind sets, int n) {
        int[] roots = new int[n];
        for (int i = 0; i < n; i++) {
            roots[i] = sets.find(i);
        }
        return roots;
    }

    @Test
    void scoringOnlyThePairsWhoseGroupsMayStillJoinGivesTheGroupsOfScoringThemAll() {
        Random random = new Random(11);
        long scored = 0;
        long candidates = 0;
        for (int round = 0; round < 3_000; round++) {
            int n = 2 + random.nextInt(30);
            int[] speakers = new int[n];
            QuantityRange[] ranges = new QuantityRange[n];
            for (int i = 0; i < n; i++) {
                speakers[i] = random.nextInt(3) == 0 ? random.nextInt(3) : -1;
                if (random.nextInt(4) == 0) {
                    double low = random.nextInt(5) * 10;
                    ranges[i] = new QuantityRange(low, low + random.nextInt(3) * 10);
                }
            }
            List<Edge> edges = new ArrayList<>();
            Map<Edge, Double> scores = new HashMap<>();
            int pairs = random.nextInt(4 * n);
            for (int p = 0; p < pairs; p++) {
                int a = random.nextInt(n);
                int b = random.nextInt(n);
                if (a == b) {
                    continue;
                }
                if (random.nextInt(10) == 0) {
                    edges.add(new Edge(Math.min(a, b), Math.max(a, b), 2 + random.nextInt(3) / 4.0));
                    continue;
                }
                // Few distinct values, so that bounds and scores tie with each other and across pairs.
                double bound = random.nextInt(9) / 8.0;
                double score = bound - random.nextInt(3) / 8.0;
                Edge candidate = new Edge(Math.min(a, b), Math.max(a, b), bound, true, 0,
                        random.nextBoolean() ? ClaimMerger.SAME_SPEAKER : ClaimMerger.WORDING_ONLY);
                edges.add(candidate);
                scores.put(candidate, score);
            }
            int[] expected = plainJoin(n, edges, scores, speakers, ranges);
            UnionFind sets = new UnionFind(n);
            long[] asked = new long[1];
            ClaimMerger.join(new ArrayList<>(edges), e -> {
                asked[0]++;
                double s = scores.get(e);
                return s >= e.threshold() ? new Edge(e.a(), e.b(), s) : null;
            }, sets, speakers.clone(), ranges.clone());
            assertArrayEquals(expected, roots(sets, n), () -> "edges " + edges + ", speakers "
                    + Arrays.toString(speakers) + ", ranges " + Arrays.toString(ranges));
            scored += asked[0];
            candidates += scores.size();
        }
        // and it is worth it: a good share of the candidates is never scored
        assertTrue(scored < 0.8 * candidates, scored + " of " + candidates + " candidates scored");
    }
}
