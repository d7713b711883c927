package org.newsroom.query.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
 * Stores each story view as chunks of its JSON ({@code story_view_chunk}), cut where the content says: a boundary
 * falls where a rolling hash of the last 64 bytes has its low bits clear, so an insertion changes the chunks around
 * it and none of the others. A new version of a story writes only the chunks its predecessor lacks and deletes those
 * it no longer uses; {@code story_view.chunks} lists the ids in order and {@code story_view_body} joins them again.
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

    /** A story's chunks as committed: their ids in order, and each distinct id's bytes. */
    record Stored(long position, int[] ids, Map<Integer, byte[]> texts, Map<Long, List<Integer>> byKey, int nextId,
                  long bytes) {
    }

    /**
     * What storing one version takes: the ids in order, the chunks to insert, the ids to delete (all of the story's
     * when {@code whole}), and what is remembered once the transaction commits.
     */
    public record Plan(UUID storyId, int[] ids, List<Integer> insertIds, List<String> insertTexts, List<Integer> deleted,
                       boolean whole, Stored next) {
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

    /** The end offset of each chunk of {@code json}. */
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

    /** A cheap key of a chunk's bytes; equal bytes have equal keys, and a match is always checked byte for byte. */
    private static long key(byte[] bytes, int from, int to) {
        long k = to - from;
        int step = Math.max(1, (to - from) / 16);
        for (int i = from; i < to; i += step) {
            k = k * 31 + bytes[i];
        }
        return k * 31 + bytes[to - 1];
    }

    /**
     * How to store {@code json} (ASCII) as the story's view in place of what it has at {@code storedPosition}; pure,
     * safe to call from several threads.
     */
    public Plan plan(UUID storyId, long storedPosition, byte[] json, long newPosition) {
        Stored previous;
        synchronized (this) {
            previous = stored.get(storyId);
        }
        boolean whole = previous == null || previous.position() != storedPosition;
        if (whole) {
            previous = null;
        }
        int[] ends = boundaries(json);
        int[] ids = new int[ends.length];
        Map<Integer, byte[]> texts = new HashMap<>(ends.length * 2);
        Map<Long, List<Integer>> byKey = new HashMap<>(ends.length * 2);
        List<Integer> insertIds = new ArrayList<>();
        List<String> insertTexts = new ArrayList<>();
        int nextId = previous == null ? 1 : previous.nextId();
        long bytes = 0;
        int start = 0;
        for (int c = 0; c < ends.length; c++) {
            int end = ends[c];
            long key = key(json, start, end);
            Integer id = find(previous == null ? null : previous.byKey(), previous == null ? null : previous.texts(),
                    key, json, start, end);
            if (id == null) {
                id = find(byKey, texts, key, json, start, end);
            }
            if (id == null) {
                id = nextId++;
                insertIds.add(id);
                insertTexts.add(new String(json, start, end - start, StandardCharsets.ISO_8859_1));
            }
            ids[c] = id;
            if (!texts.containsKey(id)) {
                byte[] text = previous != null && previous.texts().containsKey(id) ? previous.texts().get(id)
                        : Arrays.copyOfRange(json, start, end);
                texts.put(id, text);
                byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(id);
                bytes += text.length;
            }
            start = end;
        }
        List<Integer> deleted = new ArrayList<>();
        if (previous != null) {
            previous.texts().keySet().stream().filter(id -> !texts.containsKey(id)).sorted().forEach(deleted::add);
        }
        return new Plan(storyId, ids, insertIds, insertTexts, deleted, whole,
                new Stored(newPosition, ids, texts, byKey, nextId, bytes));
    }

    private static Integer find(Map<Long, List<Integer>> byKey, Map<Integer, byte[]> texts, long key, byte[] json,
                                int start, int end) {
        if (byKey == null) {
            return null;
        }
        List<Integer> candidates = byKey.get(key);
        if (candidates == null) {
            return null;
        }
        for (Integer id : candidates) {
            byte[] text = texts.get(id);
            if (Arrays.equals(text, 0, text.length, json, start, end)) {
                return id;
            }
        }
        return null;
    }

    /**
     * Writes the plans in the caller's transaction, on its connection, after the story rows exist; what they stored
     * is remembered only if the transaction commits.
     */
    public void write(Connection c, List<Plan> plans) throws SQLException {
        if (plans.isEmpty()) {
            return;
        }
        try (PreparedStatement all = c.prepareStatement("DELETE FROM story_view_chunk WHERE story_id = ?");
             PreparedStatement some = c.prepareStatement(
                     "DELETE FROM story_view_chunk WHERE story_id = ? AND chunk_id = ANY (?)");
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO story_view_chunk (story_id, chunk_id, text)
                     SELECT ?, t.id, t.text FROM unnest(?::int[], ?::text[]) AS t(id, text)
                     """);
             PreparedStatement order = c.prepareStatement("UPDATE story_view SET chunks = ? WHERE story_id = ?")) {
            for (Plan p : plans) {
                if (p.whole()) {
                    all.setObject(1, p.storyId());
                    all.addBatch();
                } else if (!p.deleted().isEmpty()) {
                    some.setObject(1, p.storyId());
                    some.setArray(2, c.createArrayOf("int4", p.deleted().toArray()));
                    some.addBatch();
                }
                if (!p.insertIds().isEmpty()) {
                    insert.setObject(1, p.storyId());
                    insert.setArray(2, c.createArrayOf("int4", p.insertIds().toArray()));
                    insert.setArray(3, c.createArrayOf("text", p.insertTexts().toArray()));
                    insert.addBatch();
                }
                order.setArray(1, c.createArrayOf("int4", Arrays.stream(p.ids()).boxed().toArray()));
                order.setObject(2, p.storyId());
                order.addBatch();
            }
            all.executeBatch();
            some.executeBatch();
            insert.executeBatch();
            order.executeBatch();
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    rememberCommitted(plans);
                } else {
                    plans.forEach(p -> forget(p.storyId()));
                }
            }
        });
    }

    /** The plans' chunks are now what their stories have. */
    void rememberCommitted(List<Plan> plans) {
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
