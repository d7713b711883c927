package org.newsroom.query.view.merge;

/** Disjoint sets whose representative is always the smallest member, so the result never depends on union order. */
final class UnionFind {

    private final int[] parent;

    UnionFind(int size) {
        parent = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
    }

    int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Joins the sets of a and b; returns the new representative. */
    int union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return ra;
        }
        int root = Math.min(ra, rb);
        parent[Math.max(ra, rb)] = root;
        return root;
    }
}
