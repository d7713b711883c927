package org.newsroom.query.view.merge;

import org.newsroom.events.StoryEvent.QuantityData;

import java.util.Locale;

/**
 * The interval a reported figure plausibly stands for. A qualifier widens a bare figure ("nearly 8,000" is
 * 7,200 to 8,000), and an open bound is read as a floor near the count ("at least two dozen" is not "hundreds"),
 * because that is how reporters use it.
 */
public record QuantityRange(double low, double high) {

    /** How far above its floor an open figure ("at least N", "more than N") may plausibly reach. */
    static final double OPEN_FACTOR = 3;
    /** Slack when comparing two intervals, for rounding. */
    static final double TOLERANCE = 0.05;

    public static QuantityRange of(QuantityData q) {
        if (q == null || Double.isNaN(q.value())) {
            return null;
        }
        double low = Double.isNaN(q.low()) ? q.value() : Math.min(q.low(), q.value());
        double high = Double.isNaN(q.high()) ? q.value() : Math.max(q.high(), q.value());
        String qualifier = q.qualifier() == null ? "" : q.qualifier().trim().toLowerCase(Locale.ROOT);
        double v = q.value();
        if (high >= Double.MAX_VALUE / 2 || Double.isInfinite(high)) {
            high = Math.max(low, v) * OPEN_FACTOR;
        } else if (low == high) {
            switch (qualifier) {
                case "about", "around", "approximately", "roughly", "some", "estimated", "an estimated",
                     "or so", "close to", "almost", "nearly" -> {
                    low = v * 0.9;
                    high = qualifier.equals("almost") || qualifier.equals("nearly") ? v : v * 1.1;
                }
                case "just under", "fewer than", "less than", "under", "below" -> low = v * 0.8;
                case "up to", "at most", "as many as", "no more than" -> low = v * 0.5;
                case "just over", "slightly more than", "a little over" -> high = v * 1.1;
                case "more than", "over", "at least", "upwards of", "in excess of", "above", "no fewer than" ->
                        high = v * OPEN_FACTOR;
                default -> {
                }
            }
        }
        return new QuantityRange(low, high);
    }

    public boolean compatible(QuantityRange other) {
        return low <= other.high * (1 + TOLERANCE) && other.low <= high * (1 + TOLERANCE);
    }

    /** The common part of two compatible intervals. */
    public QuantityRange intersect(QuantityRange other) {
        double lo = Math.max(low, other.low);
        double hi = Math.min(high, other.high);
        return lo <= hi ? new QuantityRange(lo, hi) : new QuantityRange(Math.min(lo, hi), Math.max(lo, hi));
    }
}
