package org.newsroom.assignment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** One embedder serves concurrent callers: each gets exactly the embedding a lone caller would. */
class ArticleEmbedderConcurrencyTest {

    @Test
    void concurrentCallsGiveTheSequentialEmbeddings() throws Exception {
        ArticleEmbedder embedder = new ArticleEmbedder();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            titles.add("Report number " + i + " on the harbor strike in Kelvar");
        }
        List<float[]> sequential = titles.stream().map(t -> embedder.embed(t, "Dock workers walked out.")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> concurrent = new ArrayList<>();
            for (String title : titles) {
                concurrent.add(pool.submit(() -> embedder.embed(title, "Dock workers walked out.")));
            }
            for (int i = 0; i < titles.size(); i++) {
                assertArrayEquals(sequential.get(i), concurrent.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
