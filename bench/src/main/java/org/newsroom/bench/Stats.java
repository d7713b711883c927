package org.newsroom.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Medians and percentiles of plain samples. */
final class Stats {

    private Stats() {
    }

    static double median(Collection<Double> values) {
        return percentile(values, 50);
    }

    /** Nearest-rank percentile; NaN when there are no values. */
    static double percentile(Collection<Double> values, double percentile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        if (percentile == 50 && sorted.size() % 2 == 0) {
            return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
