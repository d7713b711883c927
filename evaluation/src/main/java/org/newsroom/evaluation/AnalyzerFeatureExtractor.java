package org.newsroom.evaluation;

import org.newsroom.assignment.ArticleEmbedder;
import org.newsroom.assignment.ArticleFeatures;
import org.newsroom.text.AnalyzedArticle;
import org.newsroom.text.ArticleAnalyzer;
import org.newsroom.text.ArticleInput;
import org.newsroom.text.Salience;

import java.time.Instant;

/** The features exactly as the ingest service computes them: the text-analysis module, then the embedder. */
public final class AnalyzerFeatureExtractor implements FeatureExtractor {

    static final int LEAD_SENTENCES = 3;
    static final int ENTITIES = 20;

    private final ArticleAnalyzer analyzer = new ArticleAnalyzer();
    private final ArticleEmbedder embedder;

    public AnalyzerFeatureExtractor(ArticleEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public ArticleFeatures extract(String title, String text, Instant publishedAt) {
        AnalyzedArticle a = analyzer.analyze(new ArticleInput(title, text, null, publishedAt));
        return embedder.features(title, Salience.lead(a, LEAD_SENTENCES), Salience.entities(a, ENTITIES),
                Salience.quantities(a), Salience.quotes(a), publishedAt);
    }
}
