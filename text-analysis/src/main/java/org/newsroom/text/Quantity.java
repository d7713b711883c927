package org.newsroom.text;

/**
 * A counted figure. {@code unit} is what is counted plus its verb ("people detained"); {@code qualifier} is the
 * normalized hedge on the figure ("nearly", "at least") or null. Open upper bounds are {@link #UNBOUNDED}.
 */
public record Quantity(double value, double low, double high, String unit, String qualifier) {
    /** Upper bound used for "at least", "more than" and other open ranges. */
    public static final double UNBOUNDED = Double.MAX_VALUE;
}
