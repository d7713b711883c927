package org.newsroom.query.projection;

import org.newsroom.query.view.PieceSink;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A view's JSON as Jackson writes it, in pieces: runs of the bytes it wrote, and the remembered mention strings that
 * {@link org.newsroom.query.view.MentionJson} handed over by reference. Together, in order, they are the JSON.
 */
public final class ViewPieces extends OutputStream implements PieceSink {

    private final List<Object> pieces = new ArrayList<>();
    private int[] sketches = new int[64];
    private byte[] run = new byte[512];
    private int length;

    @Override
    public void write(int b) {
        if (length == run.length) {
            run = Arrays.copyOf(run, run.length * 2);
        }
        run[length++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
        if (length + count > run.length) {
            run = Arrays.copyOf(run, Math.max(run.length * 2, length + count));
        }
        System.arraycopy(bytes, offset, run, length, count);
        length += count;
    }

    @Override
    public void piece(String asciiJson, int sketch) {
        endRun();
        add(asciiJson, sketch);
    }

    private void endRun() {
        if (length > 0) {
            add(Arrays.copyOf(run, length), PieceSink.sketch(run, 0, length));
            length = 0;
        }
    }

    private void add(Object piece, int sketch) {
        if (pieces.size() == sketches.length) {
            sketches = Arrays.copyOf(sketches, sketches.length * 2);
        }
        sketches[pieces.size()] = sketch;
        pieces.add(piece);
    }

    /** Byte arrays ({@code byte[]}, ASCII) and strings, in order. */
    public List<Object> pieces() {
        endRun();
        return pieces;
    }

    /** The {@link PieceSink#sketch} of each of the {@link #pieces()}, in the same order. */
    public int[] sketches() {
        endRun();
        return Arrays.copyOf(sketches, pieces.size());
    }
}
