package org.newsroom.query.view;

/**
 * A JSON output that takes remembered values by reference: a serializer that writes a value it has kept as ASCII JSON
 * hands the string over instead of copying its bytes, with its {@link #sketch}, and the sink puts it in its place.
 */
public interface PieceSink {

    /** Characters (or bytes) at each end of a piece that {@link #sketch} reads. */
    int SKETCHED = 32;

    /**
     * The next bytes of the output are {@code asciiJson}, after whatever was written before; {@code sketch} is
     * {@link #sketch}{@code (asciiJson)}, kept with the string so that a view written again does not read it again.
     */
    void piece(String asciiJson, int sketch);

    /**
     * A hash of a piece's length and of the {@link #SKETCHED} characters at each of its ends: content-defined like a
     * full hash, without reading every byte of every view (hashing whole mentions was a twentieth of a rebuild).
     * Equal pieces have equal sketches; pieces that differ only in their middle too, which the view chunks settle
     * by comparing them in full.
     */
    static int sketch(Object piece) {
        if (piece instanceof byte[] run) {
            return sketch(run, 0, run.length);
        }
        String text = (String) piece;
        int n = text.length();
        int h = n;
        for (int i = 0; i < Math.min(n, SKETCHED); i++) {
            h = 31 * h + text.charAt(i);
        }
        for (int i = Math.max(SKETCHED, n - SKETCHED); i < n; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    /** {@link #sketch(Object)} of {@code run[from, to)}, as if it were an array of its own. */
    static int sketch(byte[] run, int from, int to) {
        int n = to - from;
        int h = n;
        for (int i = 0; i < Math.min(n, SKETCHED); i++) {
            h = 31 * h + run[from + i];
        }
        for (int i = Math.max(SKETCHED, n - SKETCHED); i < n; i++) {
            h = 31 * h + run[from + i];
        }
        return h;
    }
}
