package org.newsroom.query.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newsroom.query.view.PieceSink;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Stores each story view as chunks of its JSON ({@code story_view_chunk}), cut where the content says (see
 * {@link #cut}), so an insertion changes the chunks around it and none of the others. A new version of a story writes
 * only the chunks its predecessor lacks and deletes those it no longer uses; {@code story_view.chunks} lists the ids in order and {@code story_view_body} joins them again.
 * Rewriting a 1,000-article story's megabytes for every batch made PostgreSQL write, log and vacuum them each time.
 * <p>
 * The chunks each story had when this instance last committed it are remembered, with the story's position then:
 * a story written since by someone else (another instance, a rebuild) has another position, and is written whole.
 */
@ApplicationScoped
public class ViewChunks {

    static final int MIN = 512;
    static final int MAX = 6_000;
    /**
     * 11 bits, a boundary every 2 KiB past the minimum on average. Bit k of the gear hash depends on the last k + 1
     * bytes only: bits 40 to 50 make the decision depend on the last 51 bytes, not on a few repeated JSON punctuation.
     */
    private static final long MASK = ((1L << 11) - 1) << 40;
    private static final long[] GEAR = new long[256];

    static {
        SplittableRandom random = new SplittableRandom(0x5EED_C0DEL);
        for (int i = 0; i < GEAR.length; i++) {
            GEAR[i] = random.nextLong();
        }
    }

    /** A story's chunks as committed: each distinct id's pieces, found by their key. */
    record Stored(long position, Map<Integer, Object[]> chunks, Map<Long, List<Integer>> byKey, int nextId,
                  long bytes) {
    }

    /**
     * What storing one version takes: the ids in order, the chunks to insert, the ids to delete (all of the story's
     * when {@code whole}), and what is remembered once the transaction commits.
     */
    public record Plan(UUID storyId, int[] ids, List<Integer> insertIds, List<byte[]> insertChunks,
                       List<Integer> deleted, boolean whole, Stored next) {

        /** The i-th inserted chunk's JSON. */
        public String insertText(int i) {
            return new String(insertChunks.get(i), StandardCharsets.US_ASCII);
        }

        /**
         * This whole plan with every chunk id {@code by} higher, so that its chunks can be inserted beside the ones
         * of an earlier plan of the story, before those are deleted. Not to be remembered.
         */
        public Plan shifted(int by) {
            if (!whole) {
                throw new IllegalStateException("only a whole plan can be shifted: its ids are all new");
            }
            int[] shiftedIds = ids.clone();
            for (int i = 0; i < shiftedIds.length; i++) {
                shiftedIds[i] += by;
            }
            return new Plan(storyId, shiftedIds, insertIds.stream().map(id -> id + by).toList(), insertChunks,
                    deleted, true, null);
        }
    }

    private final TransactionSynchronizationRegistry transactions;
    private final long budget;
    private final LinkedHashMap<UUID, Stored> stored = new LinkedHashMap<>(64, 0.75f, true);
    private long storedBytes;

    /** @param budget bytes of chunks remembered, least recently written stories forgotten first */
    public ViewChunks(TransactionSynchronizationRegistry transactions,
                      @ConfigProperty(name = "newsroom.projection.remembered-view-bytes", defaultValue = "268435456")
                      long budget) {
        this.transactions = transactions;
        this.budget = budget;
    }

    /** The end offset of each chunk of {@code json}, cut by content. */
    static int[] boundaries(byte[] json) {
        int[] ends = new int[json.length / MIN + 2];
        int count = 0;
        int start = 0;
        long h = 0;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (b < 0) {
                throw new IllegalArgumentException("view JSON must be ASCII (written with non-ASCII escaped)");
            }
            h = (h << 1) + GEAR[b];
            int length = i + 1 - start;
            if ((length >= MIN && (h & MASK) == 0) || length == MAX) {
                ends[count++] = i + 1;
                start = i + 1;
            }
        }
        if (start < json.length || count == 0) {
            ends[count++] = json.length;
        }
        return Arrays.copyOf(ends, count);
    }

    /** The chunks of a view, each with its key: its pieces' sketches folded, then their count. */
    record Cut(List<Object[]> chunks, long[] keys) {
    }

    /** {@link #cut(List, int[])}, the sketches taken here. */
    static List<Object[]> cut(List<Object> pieces) {
        return cut(pieces, sketches(pieces)).chunks();
    }

    private static int[] sketches(List<Object> pieces) {
        int[] sketches = new int[pieces.size()];
        for (int i = 0; i < sketches.length; i++) {
            sketches[i] = PieceSink.sketch(pieces.get(i));
        }
        return sketches;
    }

    /**
     * Cuts pieces into chunks of at most {@link #MAX} bytes. A cut follows a remembered piece whose hash says so
     * (one in eight, past {@link #MIN} bytes), or a content-defined boundary inside a long run of bytes: both depend
     * on the content only, so an insertion moves no cut but its neighbours'. {@code sketches} are the pieces'
     * {@link PieceSink#sketch}es, each read once here: for the chunks' keys and for the cuts after strings.
     */
    static Cut cut(List<Object> pieces, int[] sketches) {
        Cutter cutter = new Cutter();
        for (int p = 0; p < pieces.size(); p++) {
            Object piece = pieces.get(p);
            int sketch = sketches[p];
            if (piece instanceof String text && text.length() > MAX) {
                piece = text.getBytes(StandardCharsets.ISO_8859_1);
            }
            if (piece instanceof byte[] run && run.length > MIN) {
                int[] ends = boundaries(run);
                int from = 0;
                for (int e = 0; e < ends.length; e++) {
                    if (from == 0 && ends[e] == run.length) {
                        cutter.add(run, run.length, sketch);
                    } else {
                        cutter.add(Arrays.copyOfRange(run, from, ends[e]), ends[e] - from,
                                PieceSink.sketch(run, from, ends[e]));
                    }
                    if (e < ends.length - 1) {
                        cutter.close();
                    }
                    from = ends[e];
                }
            } else if (piece instanceof byte[] run) {
                cutter.add(run, run.length, sketch);
            } else {
                String text = (String) piece;
                cutter.add(text, text.length(), sketch);
                if (cutter.length >= MIN && ((sketch * 0x9E3779B9) >>> 29) == 0) {
                    cutter.close();
                }
            }
        }
        return cutter.finish();
    }

    /** The chunks cut so far and the one being filled, never past {@link #MAX} bytes, each with its key. */
    private static final class Cutter {
        private final List<Object[]> chunks = new ArrayList<>();
        private long[] keys = new long[16];
        private final List<Object> current = new ArrayList<>();
        private int length;
        private long key;

        void add(Object piece, int size, int sketch) {
            if (length > 0 && length + size > MAX) {
                close();
            }
            current.add(piece);
            length += size;
            key = key * 31 + sketch;
        }

        void close() {
            if (chunks.size() == keys.length) {
                keys = Arrays.copyOf(keys, keys.length * 2);
            }
            keys[chunks.size()] = key * 31 + current.size();
            chunks.add(current.toArray());
            current.clear();
            length = 0;
            key = 0;
        }

        Cut finish() {
            if (!current.isEmpty() || chunks.isEmpty()) {
                close();
            }
            return new Cut(chunks, Arrays.copyOf(keys, chunks.size()));
        }
    }

    private static int size(Object[] chunk) {
        int size = 0;
        for (Object piece : chunk) {
            size += piece instanceof byte[] run ? run.length : ((String) piece).length();
        }
        return size;
    }

    private static boolean same(Object[] a, Object[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            Object x = a[i];
            Object y = b[i];
            boolean equal = x == y || (x instanceof byte[] bx && y instanceof byte[] by ? Arrays.equals(bx, by)
                    : x instanceof String sx && y instanceof String sy && sx.equals(sy));
            if (!equal) {
                return false;
            }
        }
        return true;
    }

    /** The chunk's JSON as ASCII bytes. */
    private static byte[] bytes(Object[] chunk) {
        byte[] bytes = new byte[size(chunk)];
        int at = 0;
        for (Object piece : chunk) {
            if (piece instanceof byte[] run) {
                for (byte b : run) {
                    if (b < 0) {
                        throw new IllegalArgumentException("view JSON must be ASCII (written with non-ASCII escaped)");
                    }
                }
                System.arraycopy(run, 0, bytes, at, run.length);
                at += run.length;
            } else {
                String text = (String) piece;
                byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
                System.arraycopy(ascii, 0, bytes, at, ascii.length);
                at += ascii.length;
            }
        }
        return bytes;
    }

    /** {@link #plan(UUID, long, List, long)} for JSON in one piece. */
    public Plan plan(UUID storyId, long storedPosition, byte[] json, long newPosition) {
        List<Object> pieces = new ArrayList<>(1);
        pieces.add(json);
        return plan(storyId, storedPosition, pieces, newPosition);
    }

    /**
     * How to store the JSON {@code pieces} (ASCII, see {@link ViewPieces}) as the story's view in place of what it
     * has at {@code storedPosition}; pure, safe to call from several threads.
     */
    public Plan plan(UUID storyId, long storedPosition, List<Object> pieces, long newPosition) {
        return plan(storyId, storedPosition, cut(pieces, sketches(pieces)), newPosition);
    }

    /** {@link #plan(UUID, long, List, long)} for the pieces a view was written in, with their sketches. */
    public Plan plan(UUID storyId, long storedPosition, ViewPieces pieces, long newPosition) {
        return plan(storyId, storedPosition, cut(pieces.pieces(), pieces.sketches()), newPosition);
    }

    private Plan plan(UUID storyId, long storedPosition, Cut cut, long newPosition) {
        Stored previous;
        synchronized (this) {
            previous = stored.get(storyId);
        }
        boolean whole = previous == null || previous.position() != storedPosition;
        if (whole) {
            previous = null;
        }
        List<Object[]> cutChunks = cut.chunks();
        int[] ids = new int[cutChunks.size()];
        Map<Integer, Object[]> chunks = new HashMap<>(cutChunks.size() * 2);
        Map<Long, List<Integer>> byKey = new HashMap<>(cutChunks.size() * 2);
        List<Integer> insertIds = new ArrayList<>();
        List<byte[]> insertChunks = new ArrayList<>();
        int nextId = previous == null ? 1 : previous.nextId();
        long bytes = 0;
        for (int c = 0; c < ids.length; c++) {
            Object[] chunk = cutChunks.get(c);
            long key = cut.keys()[c];
            Integer id = previous == null ? null : find(previous.byKey(), previous.chunks(), key, chunk);
            if (id == null) {
                id = find(byKey, chunks, key, chunk);
            }
            if (id == null) {
                id = nextId++;
                insertIds.add(id);
                insertChunks.add(bytes(chunk));
            }
            ids[c] = id;
            if (!chunks.containsKey(id)) {
                chunks.put(id, chunk);
                byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(id);
                bytes += size(chunk);
            }
        }
        List<Integer> deleted = new ArrayList<>();
        if (previous != null) {
            previous.chunks().keySet().stream().filter(id -> !chunks.containsKey(id)).sorted().forEach(deleted::add);
        }
        return new Plan(storyId, ids, insertIds, insertChunks, deleted, whole,
                new Stored(newPosition, chunks, byKey, nextId, bytes));
    }

    private static Integer find(Map<Long, List<Integer>> byKey, Map<Integer, Object[]> chunks, long key,
                                Object[] chunk) {
        List<Integer> candidates = byKey.get(key);
        if (candidates == null) {
            return null;
        }
        for (Integer id : candidates) {
            if (same(chunks.get(id), chunk)) {
                return id;
            }
        }
        return null;
    }

    /**
     * Writes the plans in the caller's transaction, on its connection, after the story rows exist; what they stored
     * is remembered only if the transaction commits, and only if {@code remember}: otherwise each story's next version
     * is written whole.
     */
    public void write(Connection c, List<Plan> plans, boolean remember) throws SQLException {
        if (plans.isEmpty()) {
            return;
        }
        try (PreparedStatement all = c.prepareStatement("DELETE FROM story_view_chunk WHERE story_id = ?");
             PreparedStatement some = c.prepareStatement(
                     "DELETE FROM story_view_chunk WHERE story_id = ? AND chunk_id = ANY (?)");
             PreparedStatement order = c.prepareStatement("UPDATE story_view SET chunks = ? WHERE story_id = ?")) {
            boolean inserts = false;
            for (Plan p : plans) {
                if (p.whole()) {
                    all.setObject(1, p.storyId());
                    all.addBatch();
                } else if (!p.deleted().isEmpty()) {
                    some.setObject(1, p.storyId());
                    some.setArray(2, c.createArrayOf("int4", p.deleted().toArray()));
                    some.addBatch();
                }
                inserts |= !p.insertIds().isEmpty();
                order.setArray(1, c.createArrayOf("int4", Arrays.stream(p.ids()).boxed().toArray()));
                order.setObject(2, p.storyId());
                order.addBatch();
            }
            all.executeBatch();
            some.executeBatch();
            if (inserts) {
                copy(c, "story_view_chunk", plans);
            }
            order.executeBatch();
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED && remember) {
                    rememberCommitted(plans);
                } else {
                    plans.forEach(p -> forget(p.storyId()));
                }
            }
        });
    }

    private static final byte[] COPY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] COPY_TRAILER = {(byte) 0xFF, (byte) 0xFF};

    /**
     * The plans' new chunks by COPY, in its binary format: each field its length and its bytes, big-endian, so the
     * chunks go as they are, with nothing to escape on this side or to unescape on PostgreSQL's. They are handed to
     * the driver row by row: a rebuild's batch has megabytes of them, which a buffer would first grow to and copy.
     *
     * @param table {@code story_view_chunk}, or a table like it that a rebuild fills
     */
    public static void copy(Connection c, String table, List<Plan> plans) throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (story_id, chunk_id, text) FROM STDIN (FORMAT binary)");
        try {
            copy.writeToCopy(COPY_HEADER, 0, COPY_HEADER.length);
            ByteArrayOutputStream row = new ByteArrayOutputStream(2 + 4 + 16 + 4 + 4 + 4);
            DataOutputStream fields = new DataOutputStream(row);
            for (Plan p : plans) {
                for (int i = 0; i < p.insertIds().size(); i++) {
                    byte[] text = p.insertChunks().get(i);
                    row.reset();
                    fields.writeShort(3);
                    fields.writeInt(16);
                    fields.writeLong(p.storyId().getMostSignificantBits());
                    fields.writeLong(p.storyId().getLeastSignificantBits());
                    fields.writeInt(4);
                    fields.writeInt(p.insertIds().get(i));
                    fields.writeInt(text.length);
                    copy.writeToCopy(row.toByteArray(), 0, row.size());
                    copy.writeToCopy(text, 0, text.length);
                }
            }
            copy.writeToCopy(COPY_TRAILER, 0, COPY_TRAILER.length);
            copy.endCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** The plans' chunks are now what their stories have. */
    public void rememberCommitted(List<Plan> plans) {
        plans.forEach(p -> remember(p.storyId(), p.next()));
    }

    private synchronized void remember(UUID storyId, Stored next) {
        Stored old = stored.put(storyId, next);
        storedBytes += next.bytes() - (old == null ? 0 : old.bytes());
        var oldest = stored.entrySet().iterator();
        while (storedBytes > budget && oldest.hasNext()) {
            Stored dropped = oldest.next().getValue();
            if (dropped == next) {
                break;
            }
            storedBytes -= dropped.bytes();
            oldest.remove();
        }
    }

    private synchronized void forget(UUID storyId) {
        Stored old = stored.remove(storyId);
        if (old != null) {
            storedBytes -= old.bytes();
        }
    }

    /** Forgets every story: the next write of each stores it whole. Always safe. */
    public synchronized void forgetAll() {
        stored.clear();
        storedBytes = 0;
    }
}
