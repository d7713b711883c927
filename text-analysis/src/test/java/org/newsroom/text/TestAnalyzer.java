package org.newsroom.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One shared analyzer for all tests (models load once) and helpers to build inputs. */
final class TestAnalyzer {
    static final ArticleAnalyzer ANALYZER = new ArticleAnalyzer();
    static final Instant PUBLISHED = Instant.parse("2022-01-10T12:00:00Z");

    private TestAnalyzer() {}

    static AnalyzedArticle analyze(String text) {
        return ANALYZER.analyze(new ArticleInput(null, text, null, PUBLISHED));
    }

    static AnalyzedArticle analyze(String title, String text) {
        return ANALYZER.analyze(new ArticleInput(title, text, null, PUBLISHED));
    }

    static String resource(String path) {
        try (InputStream in = TestAnalyzer.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
