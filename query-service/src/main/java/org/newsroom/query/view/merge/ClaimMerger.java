package org.newsroom.query.view.merge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Groups mentions that state the same claim. Candidate pairs come from blocks (quantities by what they count,
 * other claims by shared distinctive words), are scored, and are joined best first — ties broken by mention
 * order — as long as each group stays consistent: one speaker, one plausible figure. The result depends only on
 * the set of mentions, never on the order the articles arrived in.
 */
public final class ClaimMerger {

    /** Same speaker: paraphrases of one statement score above this; different statements below. */
    static final double SAME_SPEAKER = 0.42;
    /** One side has no speaker, or the claims are unattributed: the wording alone must convince. */
    static final double WORDING_ONLY = 0.55;
    /** Wordings this alike that differ in negation, or name different speakers for one quote, conflict. */
    static final double CONFLICT = 0.8;

    /**
     * Each mention is compared in full with only its nearest candidates by shared distinctive words: enough to
     * link a group, and it bounds the cost when a hundred outlets carry the same quote.
     */
    static final int NEIGHBOURS = 6;

    /** A fragment shorter than this may have lost its "not" to the cut: it cannot contradict. */
    static final int NEGATION_TERMS = 4;

    /** Two mentions that cannot both be right: NEGATION or ATTRIBUTION. */
    public record Conflict(int a, int b, String reason) {
    }

    public record Result(List<List<Mention>> groups, List<Conflict> conflicts) {
    }

    /**
     * A pair to join in order of its score. A candidate's score is not worked out yet: it holds a bound on it, and
     * the word overlap and threshold to work it out with ({@link #scored}).
     */
    record Edge(int a, int b, double score, boolean candidate, double words, double threshold) {
        Edge(int a, int b, double score) {
            this(a, b, score, false, 0, 0);
        }
    }

    /** Highest score first; at an equal score a candidate before a scored pair (its score may be lower); then a, b. */
    static final Comparator<Edge> BEST_FIRST = (x, y) -> {
        int c = Double.compare(y.score(), x.score());
        if (c != 0) {
            return c;
        }
        if (x.candidate() != y.candidate()) {
            return x.candidate() ? -1 : 1;
        }
        c = Integer.compare(x.a(), y.a());
        return c != 0 ? c : Integer.compare(x.b(), y.b());
    };

    public Result merge(List<Mention> mentions, int articleCount) {
        // Twins (the same reading word for word) are one claim: only the first of each is compared, for all of them.
        int n = mentions.size();
        int[] copies = new int[n];
        List<Mention> originals = new ArrayList<>();
        for (Mention m : mentions) {
            copies[m.twin()]++;
            if (m.original()) {
                originals.add(m);
            }
        }
        List<Edge> edges = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        quantityEdges(originals, edges);
        for (String family : List.of(Mention.SPEECH, Mention.STATEMENT, Mention.QUANTITY)) {
            List<Mention> members = originals.stream()
                    .filter(m -> m.family().equals(family) && !quantityBlocked(m))
                    .toList();
            wordingEdges(members, copies, articleCount, edges, conflicts);
        }
        UnionFind sets = new UnionFind(n);
        int[] speaker = new int[n];
        QuantityRange[] range = new QuantityRange[n];
        for (Mention m : mentions) {
            speaker[m.index()] = m.speaker();
            range[m.index()] = m.range();
        }
        for (Mention m : mentions) {
            sets.union(m.twin(), m.index());
        }
        join(edges, e -> scored(e, mentions), sets, speaker, range);

        // In order of their representatives, the smallest members: each group where its first mention is.
        List<List<Mention>> byRoot = new ArrayList<>(Collections.nCopies(n, null));
        List<List<Mention>> groups = new ArrayList<>();
        for (Mention m : mentions) {
            int root = sets.find(m.index());
            List<Mention> group = byRoot.get(root);
            if (group == null) {
                group = new ArrayList<>(2);
                byRoot.set(root, group);
                groups.add(group);
            }
            group.add(m);
        }
        return new Result(List.copyOf(groups), conflicts);
    }

    /**
     * Joins the pairs best first ({@link #BEST_FIRST}), each as long as its two groups have no different speakers and
     * compatible figures; {@code score} gives a candidate's pair with its score, or null if that misses its threshold.
     */
    static void join(List<Edge> edges, Function<Edge, Edge> score, UnionFind sets, int[] speaker,
                     QuantityRange[] range) {
        // A candidate's score is worked out only when its bound comes up and its groups may still join: groups only
        // grow and keep their speaker once they have one, so a pair whose mentions are in one group, or in groups with
        // different speakers, when its bound comes up would be passed over at its score's turn too. The scored pairs
        // are taken in the order a sort of all of them by score would give, so the groups are the same; most pairs
        // within a big group are never scored.
        edges.sort(BEST_FIRST);
        PriorityQueue<Edge> scored = new PriorityQueue<>(BEST_FIRST);
        int next = 0;
        while (true) {
            Edge e;
            if (next < edges.size() && (scored.isEmpty() || BEST_FIRST.compare(edges.get(next), scored.peek()) < 0)) {
                e = edges.get(next++);
                if (e.candidate()) {
                    int ra = sets.find(e.a());
                    int rb = sets.find(e.b());
                    if (ra != rb && !differentSpeakers(speaker, ra, rb)) {
                        Edge s = score.apply(e);
                        if (s != null) {
                            scored.add(s);
                        }
                    }
                    continue;
                }
            } else if (!scored.isEmpty()) {
                e = scored.poll();
            } else {
                break;
            }
            int ra = sets.find(e.a());
            int rb = sets.find(e.b());
            if (ra == rb) {
                continue;
            }
            if (differentSpeakers(speaker, ra, rb)) {
                continue;
            }
            if (range[ra] != null && range[rb] != null && !range[ra].compatible(range[rb])) {
                continue;
            }
            int root = sets.union(ra, rb);
            speaker[root] = Math.max(speaker[ra], speaker[rb]);
            range[root] = range[ra] == null ? range[rb]
                    : range[rb] == null ? range[ra] : range[ra].intersect(range[rb]);
        }
    }

    /** Whether the two groups have each a speaker, and not the same: a group keeps its speaker once it has one. */
    private static boolean differentSpeakers(int[] speaker, int ra, int rb) {
        return speaker[ra] >= 0 && speaker[rb] >= 0 && speaker[ra] != speaker[rb];
    }

    /**
     * Quantities that count the same thing with compatible figures are one claim, whatever the wording. Each figure,
     * in canonical order, joins the most similar earlier group it is compatible with, or starts one: no chaining
     * from "dozens" to "hundreds", and a later article never splits or rearranges earlier groups.
     */
    private static void quantityEdges(List<Mention> mentions, List<Edge> edges) {
        Map<String, List<Mention>> blocks = new TreeMap<>();
        for (Mention m : mentions) {
            if (quantityBlocked(m)) {
                blocks.computeIfAbsent(m.topic().block() + "|" + m.retracted(), k -> new ArrayList<>()).add(m);
            }
        }
        for (List<Mention> block : blocks.values()) {
            List<Mention> firsts = new ArrayList<>();
            List<QuantityRange> ranges = new ArrayList<>();
            for (Mention m : block) {
                int best = -1;
                double bestScore = -1;
                for (int c = 0; c < firsts.size(); c++) {
                    if (firsts.get(c).topic().sameThing(m.topic()) && ranges.get(c).compatible(m.range())) {
                        double score = ClaimSimilarity.words(firsts.get(c), m);
                        if (score > bestScore) {
                            best = c;
                            bestScore = score;
                        }
                    }
                }
                if (best < 0) {
                    firsts.add(m);
                    ranges.add(m.range());
                } else {
                    edges.add(new Edge(firsts.get(best).index(), m.index(), 2 + bestScore));
                    ranges.set(best, ranges.get(best).intersect(m.range()));
                }
            }
        }
    }

    /** Pairs sharing distinctive words, scored by wording; common words of the story are not used to pair. */
    private static void wordingEdges(List<Mention> members, int[] copies, int articleCount, List<Edge> edges,
                                     List<Conflict> conflicts) {
        // Term ids are dense (a story's vocabulary numbered from 0): postings are arrays indexed by term.
        int vocabulary = 0;
        for (Mention m : members) {
            for (int term : m.terms()) {
                vocabulary = Math.max(vocabulary, term + 1);
            }
        }
        int[] postingSize = new int[vocabulary];
        int[] mentionsWith = new int[vocabulary];
        for (Mention m : members) {
            for (int term : m.terms()) {
                postingSize[term]++;
                mentionsWith[term] += copies[m.index()];
            }
        }
        int[][] postings = new int[vocabulary][];
        for (int t = 0; t < vocabulary; t++) {
            postings[t] = new int[postingSize[t]];
            postingSize[t] = 0;
        }
        for (int i = 0; i < members.size(); i++) {
            for (int term : members.get(i).terms()) {
                postings[term][postingSize[term]++] = i;
            }
        }
        // A word in many more mentions than the story has articles is its topic, not a claim's signature.
        int cap = Math.max(32, 2 * articleCount);
        Neighbours nearest = new Neighbours(members.size());
        int[] shared = new int[members.size()];
        int[] touched = new int[members.size()];
        int[] termCounts = new int[members.size()];
        for (int i = 0; i < termCounts.length; i++) {
            termCounts[i] = members.get(i).terms().length;
        }
        // Each pair is met from its earlier mention: a term's posting (ascending) is read from past the mention on,
        // and since the mentions come in order, where that is only moves forward.
        int[] from = new int[vocabulary];
        for (int i = 0; i < members.size(); i++) {
            Mention a = members.get(i);
            int count = 0;
            for (int term : a.terms()) {
                int[] posting = postings[term];
                if (mentionsWith[term] > cap) {
                    continue;
                }
                int k = from[term];
                while (k < posting.length && posting[k] <= i) {
                    k++;
                }
                from[term] = k;
                for (; k < posting.length; k++) {
                    int j = posting[k];
                    if (shared[j]++ == 0) {
                        touched[count++] = j;
                    }
                }
            }
            // In the order first met: a mention keeps its best partners by score, ties to the earlier one, whatever
            // order they are offered in.
            int aTerms = a.terms().length;
            for (int k = 0; k < count; k++) {
                int j = touched[k];
                int bTerms = termCounts[j];
                int needed = Math.min(aTerms, bTerms) < 4 ? 1 : 2;
                if (shared[j] >= needed) {
                    nearest.offer(i, j, 2.0 * shared[j] / (aTerms + bTerms));
                }
                shared[j] = 0;
            }
        }
        nearest.pairs((i, j, words) -> pair(members.get(i), members.get(j), edges, conflicts));
    }

    private static void pair(Mention a, Mention b, List<Edge> edges, List<Conflict> conflicts) {
        if (a.retracted() != b.retracted()) {
            return;
        }
        boolean bothSpoken = a.speaker() >= 0 && b.speaker() >= 0;
        if (a.negated() != b.negated()) {
            if (compatibleSpeakers(a, b) && Math.min(a.terms().length, b.terms().length) >= NEGATION_TERMS
                    && ClaimSimilarity.dice(a, b) >= CONFLICT) {
                conflicts.add(new Conflict(a.index(), b.index(), "NEGATION"));
            }
            return;
        }
        if (!compatibleSpeakers(a, b)) {
            if (a.isQuote() && b.isQuote() && ClaimSimilarity.dice(a, b) >= CONFLICT) {
                conflicts.add(new Conflict(a.index(), b.index(), "ATTRIBUTION"));
            }
            return;
        }
        double threshold = bothSpoken ? SAME_SPEAKER : WORDING_ONLY;
        double words = ClaimSimilarity.words(a, b);
        double bound = ClaimSimilarity.upperBound(a, b, words);
        if (bound >= threshold) {
            edges.add(new Edge(a.index(), b.index(), bound, true, words, threshold));
        }
    }

    /** The candidate's pair with its score, if that reaches its threshold. */
    private static Edge scored(Edge candidate, List<Mention> mentions) {
        double score = ClaimSimilarity.of(mentions.get(candidate.a()), mentions.get(candidate.b()), candidate.words());
        return score >= candidate.threshold() ? new Edge(candidate.a(), candidate.b(), score) : null;
    }

    /** The few best-scoring partners of every mention, ties to the earlier mention. */
    private static final class Neighbours {
        private final int[][] other;
        private final double[][] score;
        private final int[] size;
        /**
         * The score a partner needs to be considered: the last kept one's once the list is full. A lower score is
         * turned away without looking at the list, as most partners of a mention in a big story are; an equal one
         * is decided by the list (ties go to the earlier partner).
         */
        private final double[] floor;

        Neighbours(int count) {
            other = new int[count][NEIGHBOURS];
            score = new double[count][NEIGHBOURS];
            size = new int[count];
            floor = new double[count];
            Arrays.fill(floor, Double.NEGATIVE_INFINITY);
        }

        void offer(int i, int j, double s) {
            if (s >= floor[i]) {
                keep(i, j, s);
            }
            if (s >= floor[j]) {
                keep(j, i, s);
            }
        }

        private void keep(int at, int partner, double s) {
            int n = size[at];
            int pos = n;
            while (pos > 0 && better(s, partner, score[at][pos - 1], other[at][pos - 1])) {
                pos--;
            }
            if (pos >= NEIGHBOURS) {
                return;
            }
            int last = Math.min(n, NEIGHBOURS - 1);
            System.arraycopy(other[at], pos, other[at], pos + 1, last - pos);
            System.arraycopy(score[at], pos, score[at], pos + 1, last - pos);
            other[at][pos] = partner;
            score[at][pos] = s;
            size[at] = Math.min(n + 1, NEIGHBOURS);
            if (size[at] == NEIGHBOURS) {
                floor[at] = score[at][NEIGHBOURS - 1];
            }
        }

        private double scoreOf(int i, int j) {
            for (int k = 0; k < size[i]; k++) {
                if (other[i][k] == j) {
                    return score[i][k];
                }
            }
            for (int k = 0; k < size[j]; k++) {
                if (other[j][k] == i) {
                    return score[j][k];
                }
            }
            return 0;
        }

        private static boolean better(double s, int partner, double than, int thanPartner) {
            return s > than || (s == than && partner < thanPartner);
        }

        /** Every kept pair once, as (smaller, larger) in ascending order. */
        void pairs(PairConsumer consumer) {
            int total = 0;
            for (int n : size) {
                total += n;
            }
            long[] keys = new long[total];
            int at = 0;
            for (int i = 0; i < size.length; i++) {
                for (int k = 0; k < size[i]; k++) {
                    int j = other[i][k];
                    keys[at++] = ((long) Math.min(i, j) << 32) | Math.max(i, j);
                }
            }
            Arrays.sort(keys);
            for (int k = 0; k < keys.length; k++) {
                if (k == 0 || keys[k] != keys[k - 1]) {
                    int i = (int) (keys[k] >>> 32);
                    int j = (int) keys[k];
                    consumer.accept(i, j, scoreOf(i, j));
                }
            }
        }
    }

    private interface PairConsumer {
        void accept(int i, int j, double words);
    }

    /** Quantities with a known topic and figure are compared by those; other claims by their wording. */
    private static boolean quantityBlocked(Mention m) {
        return m.family().equals(Mention.QUANTITY) && m.topic() != null && m.range() != null;
    }

    private static boolean compatibleSpeakers(Mention a, Mention b) {
        return a.speaker() < 0 || b.speaker() < 0 || a.speaker() == b.speaker();
    }
}
