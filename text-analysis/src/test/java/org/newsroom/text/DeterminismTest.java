package org.newsroom.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    private static final List<String> SEEDS = List.of("000_225fc2826da9cf2d.txt", "001_b549dda8c9ccdc3d.txt",
            "002_90fc14d205102fb3.txt", "003_73413e24b191d6a3.txt", "004_441b78ae8d893819.txt");

    @Test
    void sameInputGivesSameOutputAcrossThreads() throws Exception {
        List<AnalyzedArticle> sequential = new ArrayList<>();
        for (String seed : SEEDS) {
            sequential.add(TestAnalyzer.analyze(TestAnalyzer.resource("seeds/" + seed)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<AnalyzedArticle>> parallel = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (String seed : SEEDS) {
                    parallel.add(pool.submit(() -> TestAnalyzer.analyze(TestAnalyzer.resource("seeds/" + seed))));
                }
            }
            for (int i = 0; i < parallel.size(); i++) {
                assertEquals(sequential.get(i % SEEDS.size()), parallel.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
