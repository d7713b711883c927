package org.newsroom.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsroom.cli.ArticleSource;
import org.newsroom.ingest.stories.StoryAssigner;
import org.newsroom.ingest.stories.StoryProfile;
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
    private final List<StoryProfileInput> profiles = new ArrayList<>();
    private final StoryAssigner assigner = new StoryAssigner();
    private List<StoryAssigner.Candidate> candidates;
    private ArticleAnalyzer analyzer;
    private int next;

    private record StoryProfileInput(String title, String lead, List<String> names) {
    }

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
        StoryProfile story = null;
        for (ArticleInput input : inputs) {
            AnalyzedArticle a = analyzer.analyze(input);
            int lead = Math.min(3, a.sentences().size());
            int leadEnd = lead == 0 ? a.text().length() : a.sentences().get(lead - 1).end();
            StoryProfileInput p = new StoryProfileInput(input.title(), a.text().substring(0, leadEnd),
                    a.entities().stream().map(Entity::name).toList());
            profiles.add(p);
            StoryProfile profile = StoryProfile.of(p.title(), p.lead(), p.names());
            story = story == null ? profile : story.merge(profile);
        }
        candidates = List.of(new StoryAssigner.Candidate(UUID.randomUUID(), story));
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

    /** Building the article's story profile and scoring it against the story it joins. */
    @Benchmark
    public StoryAssigner.Decision assignment() {
        StoryProfileInput p = profiles.get(next++ % profiles.size());
        return assigner.assign(StoryProfile.of(p.title(), p.lead(), p.names()), candidates, null);
    }
}
