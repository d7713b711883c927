package org.newsroom.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsroom.cli.ArticleSource;
import org.newsroom.assignment.ArticleEmbedder;
import org.newsroom.assignment.ArticleFeatures;
import org.newsroom.assignment.Candidate;
import org.newsroom.assignment.Decision;
import org.newsroom.assignment.StoryAssigner;
import org.newsroom.assignment.StoryProfile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The in-process pieces of one article's ingest; one operation is one seed article, taken in turn. It lives in the
 * text-analysis package to time the cleaning step (package-private) apart from the whole analysis.
 * Run by bench/run only; the seeds folder comes from the system property {@code newsroom.seeds}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IngestStagesBenchmark {

    private final List<ArticleInput> inputs = new ArrayList<>();
    private final List<AnalyzedArticle> analyzed = new ArrayList<>();
    private final List<ArticleFeatures> features = new ArrayList<>();
    private final StoryAssigner assigner = new StoryAssigner();
    private List<Candidate> candidates;
    private ArticleAnalyzer analyzer;
    private ArticleEmbedder embedder;
    private int next;

    /** The seeds as analyzer inputs, in the order of the seeds folder. */
    public static List<ArticleInput> seeds(Path folder) throws IOException {
        List<ArticleInput> result = new ArrayList<>();
        for (ArticleSource.Item item : new ArticleSource(new ObjectMapper()).read(folder, "Bench")) {
            ObjectNode body = item.body();
            String published = body.path("publishedAt").asText("2022-01-10");
            Instant at = published.length() == 10
                    ? LocalDate.parse(published).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(published);
            result.add(new ArticleInput(body.path("title").asText(null), body.path("text").asText(), null, at));
        }
        return result;
    }

    @Setup
    public void setUp() throws IOException {
        inputs.addAll(seeds(Path.of(System.getProperty("newsroom.seeds", "seeds"))));
        analyzer = new ArticleAnalyzer();
        embedder = new ArticleEmbedder();
        StoryProfile story = null;
        for (ArticleInput input : inputs) {
            AnalyzedArticle a = analyzer.analyze(input);
            analyzed.add(a);
            ArticleFeatures f = features(input, a);
            features.add(f);
            story = story == null ? StoryProfile.open(f) : story.with(f);
        }
        candidates = List.of(new Candidate(UUID.randomUUID(), story));
    }

    /** The features exactly as the ingest service computes them (embedding included). */
    private ArticleFeatures features(ArticleInput input, AnalyzedArticle a) {
        return embedder.features(input.title() == null ? "" : input.title(), Salience.lead(a, 3),
                Salience.entities(a, 20), Salience.quantities(a), Salience.quotes(a), input.publishedAt());
    }

    /** Normalizing the raw text into paragraphs and dropping page furniture, as the analyzer does first. */
    @Benchmark
    public String cleaning() {
        ArticleInput input = inputs.get(next++ % inputs.size());
        FurnitureFilter.Result filtered = FurnitureFilter.filter(TextNormalizer.paragraphs(input.text()), input.title());
        return TextNormalizer.join(filtered.body());
    }

    /** The whole ArticleAnalyzer: cleaning, sentences, tagging, entities, claims, quantities, dates. */
    @Benchmark
    public AnalyzedArticle analysis() {
        return analyzer.analyze(inputs.get(next++ % inputs.size()));
    }

    /** The sentence embedding of title and lead, with the other features of the analyzed article. */
    @Benchmark
    public ArticleFeatures embeddings() {
        int i = next++ % inputs.size();
        return features(inputs.get(i), analyzed.get(i));
    }

    /** Scoring the article's features against the story it joins. */
    @Benchmark
    public Decision assignment() {
        return assigner.assign(features.get(next++ % features.size()), candidates, null);
    }
}
