package org.newsroom.assignment;

/** Dense vector arithmetic on embeddings. */
final class Vectors {

    private Vectors() {
    }

    static float[] normalized(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        if (norm == 0) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("embedding dimensions differ: " + a.length + " vs " + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Unit-length weighted mean: {@code mean} carries weight {@code meanWeight}, {@code added} weight 1. */
    static float[] mergedMean(float[] mean, double meanWeight, float[] added) {
        if (mean.length != added.length) {
            throw new IllegalArgumentException("embedding dimensions differ: " + mean.length + " vs " + added.length);
        }
        float[] sum = new float[mean.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = (float) (mean[i] * meanWeight + added[i]);
        }
        return normalized(sum);
    }
}
