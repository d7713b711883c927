package org.newsroom.query.projection;

import org.junit.jupiter.api.Test;
import org.newsroom.query.view.PieceSink;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViewChunksTest {

    private static final UUID STORY = UUID.fromString("6f1c7d36-3a0f-4c55-9c39-1b5b8d0f2a11");

    /** JSON-like text of {@code mentions} mentions with varied sentences, as a view lists them. */
    private static String view(Random random, int mentions) {
        StringBuilder json = new StringBuilder("{\"claims\":[");
        for (int i = 0; i < mentions; i++) {
            json.append(i == 0 ? "" : ",").append("{\"articleId\":\"").append(new UUID(random.nextLong(),
                    random.nextLong())).append("\",\"outlet\":\"Outlet ").append(random.nextInt(40))
                    .append("\",\"start\":").append(random.nextInt(5000)).append(",\"text\":\"");
            for (int w = 0, words = 8 + random.nextInt(20); w < words; w++) {
                json.append(w == 0 ? "" : " ").append(Integer.toString(random.nextInt(1 << 20), 36));
            }
            json.append(".\"}");
        }
        return json.append("]}").toString();
    }

    private static String assemble(ViewChunks.Plan plan, String... knownTexts) {
        StringBuilder out = new StringBuilder();
        for (int id : plan.ids()) {
            int i = plan.insertIds().indexOf(id);
            out.append(i >= 0 ? plan.insertText(i) : knownTexts[id]);
        }
        return out.toString();
    }

    @Test
    void chunksCoverTheTextExactlyWithinTheirBounds() {
        byte[] json = view(new Random(1), 2_000).getBytes(StandardCharsets.US_ASCII);
        int[] ends = ViewChunks.boundaries(json);
        assertEquals(json.length, ends[ends.length - 1]);
        int start = 0;
        for (int i = 0; i < ends.length; i++) {
            int length = ends[i] - start;
            assertTrue(length <= ViewChunks.MAX && (length >= ViewChunks.MIN || i == ends.length - 1), "chunk " + i
                    + " is " + length + " bytes");
            start = ends[i];
        }
        assertTrue(ends.length > json.length / 6_000, "content-defined boundaries, not only the maximum");
        ViewChunks.Plan plan = new ViewChunks(null, 1 << 30).plan(STORY, 1, json, 2);
        assertTrue(plan.whole());
        assertEquals(new String(json, StandardCharsets.US_ASCII), assemble(plan));
        assertEquals(1, ViewChunks.boundaries(new byte[10]).length);
        assertEquals(1, ViewChunks.boundaries(new byte[0]).length);
    }

    @Test
    void anInsertionChangesOnlyTheChunksAroundIt() {
        Random random = new Random(7);
        String before = view(random, 3_000);
        int middle = before.indexOf(",{\"articleId\"", before.length() / 2);
        String after = before.substring(0, middle) + view(random, 3).replace("{\"claims\":[", ",").replace("]}", "")
                + before.substring(middle);
        ViewChunks chunks = new ViewChunks(null, 1 << 30);
        ViewChunks.Plan first = chunks.plan(STORY, 1, before.getBytes(StandardCharsets.US_ASCII), 10);
        String[] stored = new String[first.next().nextId()];
        for (int i = 0; i < first.insertIds().size(); i++) {
            stored[first.insertIds().get(i)] = first.insertText(i);
        }
        remember(chunks, first);

        ViewChunks.Plan second = chunks.plan(STORY, 10, after.getBytes(StandardCharsets.US_ASCII), 20);
        assertEquals(after, assemble(second, Arrays.copyOf(stored, second.next().nextId())));
        assertTrue(!second.whole() && second.insertIds().size() <= 3, "inserted " + second.insertIds().size()
                + " of " + second.ids().length + " chunks");
        assertTrue(second.deleted().size() <= 2, "deleted " + second.deleted());
        Set<Integer> used = new HashSet<>();
        Arrays.stream(second.ids()).forEach(used::add);
        second.deleted().forEach(id -> assertTrue(!used.contains(id)));

        // A story written since by someone else (its position moved) is written whole, whatever was remembered.
        assertTrue(chunks.plan(STORY, 15, after.getBytes(StandardCharsets.US_ASCII), 20).whole());
    }

    @Test
    void repeatedTextIsStoredOnce() {
        String mention = view(new Random(3), 40);
        String json = "[" + mention + "," + mention + "," + mention + "]";
        ViewChunks.Plan plan = new ViewChunks(null, 1 << 30).plan(STORY, 1, json.getBytes(StandardCharsets.US_ASCII),
                2);
        assertEquals(json, assemble(plan));
        assertTrue(plan.insertIds().size() < plan.ids().length * 0.6, plan.insertIds().size() + " distinct of "
                + plan.ids().length);
    }

    @Test
    void piecesThatDifferOnlyInTheirMiddleAreStoredApart() {
        // Remembered mention strings, each more than half as long as a chunk may be: every one is a chunk of its own.
        // All have the same length and the same ends, so the same sketch.
        String ends = "x".repeat(PieceSink.SKETCHED);
        List<Object> pieces = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pieces.add(ends + String.valueOf((char) ('a' + i % 3)).repeat(ViewChunks.MAX / 2 + 100) + ends);
        }
        assertEquals(PieceSink.sketch(pieces.get(0)), PieceSink.sketch(pieces.get(1)));
        ViewChunks.Plan plan = new ViewChunks(null, 1 << 30).plan(STORY, 1, pieces, 2);
        assertEquals(String.join("", pieces.stream().map(String.class::cast).toList()), assemble(plan));
        assertEquals(3, plan.insertIds().size(), "the three distinct pieces, each stored once");
    }

    @Test
    void onlyAsciiIsChunked() {
        assertThrows(IllegalArgumentException.class,
                () -> ViewChunks.boundaries("{\"text\":\"\u201cquoted\u201d\"}".getBytes(StandardCharsets.UTF_8)));
    }

    /** What a commit does: the plan's chunks become what the story has. */
    private static void remember(ViewChunks chunks, ViewChunks.Plan plan) {
        chunks.rememberCommitted(List.of(plan));
    }
}
