package org.newsroom.query.view;

import org.junit.jupiter.api.Test;
import org.newsroom.query.projection.ViewChunks;
import org.newsroom.query.projection.ViewJson;
import org.newsroom.query.projection.ViewPieces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view JSON in pieces, cut into chunks, is the JSON Jackson writes for it. */
class ViewPiecesTest {

    private final ViewJson json = new ViewJson();

    /** The seed articles again and again under other outlets and times, as a big story's copies of wire reports. */
    private static List<StoryArticle> copies(int count) {
        List<StoryArticle> seeds = SeedStory.articles();
        List<StoryArticle> articles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StoryArticle s = seeds.get(i % seeds.size());
            articles.add(new StoryArticle(UUID.nameUUIDFromBytes(("copy " + i).getBytes()), s.outlet() + " " + i,
                    s.title(), s.url() + "?" + i, s.publishedAt().plusSeconds(60L * i), s.text(), s.wireCredits(),
                    s.claims(), s.entities()));
        }
        return articles;
    }

    private static String assemble(ViewChunks.Plan plan, Map<Integer, String> stored) {
        for (int i = 0; i < plan.insertIds().size(); i++) {
            stored.put(plan.insertIds().get(i), plan.insertText(i));
        }
        StringBuilder out = new StringBuilder();
        for (int id : plan.ids()) {
            out.append(stored.get(id));
        }
        return out.toString();
    }

    @Test
    void theChunksOfAGrowingStoryAreItsJsonAndMostOfThemStay() {
        StoryViewBuilder builder = new StoryViewBuilder();
        ViewChunks chunks = new ViewChunks(null, 1 << 30);
        UUID story = TestArticles.STORY;
        Map<Integer, String> stored = new HashMap<>();
        List<StoryArticle> articles = copies(60);
        StoryView first = builder.build(story, "A story", 1, TestArticles.T0, articles.subList(0, 59));
        ViewChunks.Plan plan = chunks.plan(story, 1, json.writePieces(first), 2);
        assertEquals(json.write(first), assemble(plan, stored));
        assertTrue(json.write(first).chars().allMatch(c -> c < 128), "the stored JSON is ASCII");
        plan.insertChunks().forEach(t -> assertTrue(t.length <= 6_000, "a chunk fits a row: " + t.length));
        chunks.rememberCommitted(List.of(plan));

        StoryView second = builder.build(story, "A story", 2, TestArticles.T0, articles);
        ViewChunks.Plan next = chunks.plan(story, 2, json.writePieces(second), 3);
        assertEquals(json.write(second), assemble(next, stored));
        assertTrue(next.insertIds().size() * 3 < next.ids().length, next.insertIds().size() + " new chunks of "
                + next.ids().length);
    }

    /**
     * The sketch handed with each piece, kept by its mention from the first write on, is the sketch of its content:
     * a stale or missing one would cut the view elsewhere and find none of its chunks again.
     */
    @Test
    void eachPiecesSketchIsTheSketchOfItsContentWrittenOnceOrAgain() {
        StoryViewBuilder builder = new StoryViewBuilder();
        List<StoryArticle> articles = copies(12);
        StoryView view = builder.build(TestArticles.STORY, "A story", 1, TestArticles.T0, articles);
        for (boolean remember : new boolean[] {false, true, true}) {
            ViewPieces pieces = json.writePieces(view, remember);
            int[] sketches = pieces.sketches();
            assertEquals(pieces.pieces().size(), sketches.length);
            assertTrue(pieces.pieces().stream().anyMatch(p -> p instanceof String), "mentions by reference");
            for (int i = 0; i < sketches.length; i++) {
                assertEquals(PieceSink.sketch(pieces.pieces().get(i)), sketches[i], "piece " + i);
            }
            ViewChunks.Plan fromPieces = new ViewChunks(null, 1 << 30).plan(TestArticles.STORY, 1, pieces, 2);
            ViewChunks.Plan fromList = new ViewChunks(null, 1 << 30).plan(TestArticles.STORY, 1,
                    new ArrayList<>(pieces.pieces()), 2);
            assertEquals(json.write(view), assemble(fromPieces, new HashMap<>()));
            assertEquals(texts(fromList), texts(fromPieces), "the same chunks either way");
        }
    }

    private static List<String> texts(ViewChunks.Plan plan) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < plan.insertIds().size(); i++) {
            texts.add(plan.insertText(i));
        }
        return texts;
    }
}
