package org.newsroom.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsroom.cli.ArticleSource;
import org.newsroom.ingest.ingesting.ClaimMapper;
import org.newsroom.query.projection.ViewChunks;
import org.newsroom.query.projection.ViewJson;
import org.newsroom.query.view.StoryArticle;
import org.newsroom.query.view.StoryView;
import org.newsroom.query.view.StoryViewBuilder;
import org.newsroom.text.AnalyzedArticle;
import org.newsroom.text.ArticleAnalyzer;
import org.newsroom.text.ArticleInput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What the live projector does for each batch of a growing story, in process: the view of a story of seed variants
 * (as the ingest load posts them: each seed with a closing sentence of its own) built, written as JSON pieces and cut
 * into chunks against the version before. One operation adds the next article and builds the view again, so the
 * memos and the remembered pair answers and chunks hold what a running projector's hold. Each iteration starts a
 * story afresh at {@link #articles} articles, built once untimed, so the story grows by the iteration's operations
 * (some tens). Run by bench/run; the seeds folder comes from {@code newsroom.seeds}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ViewBuildBenchmark {

    /** Articles in the story when an iteration starts. */
    @Param("1000")
    public int articles;

    /** Articles analyzed beyond {@link #articles}, for the operations to add. */
    private static final int MORE = 400;
    private final List<StoryArticle> pool = new ArrayList<>();
    private final List<StoryArticle> story = new ArrayList<>();
    private final StoryViewBuilder builder = new StoryViewBuilder();
    private final ViewJson json = new ViewJson();
    private final ViewChunks chunks = new ViewChunks(null, 256L << 20);
    private UUID storyId;
    private long position;

    /** {@code count} seed variants, analyzed as the ingest service analyzes them. */
    static List<StoryArticle> variants(Path seeds, int count) throws IOException {
        List<ArticleSource.Item> items = new ArticleSource(new ObjectMapper()).read(seeds, "Bench");
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        List<StoryArticle> result = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            ObjectNode body = items.get(n % items.size()).body();
            String published = body.path("publishedAt").asText("2022-01-10");
            Instant at = (published.length() == 10
                    ? LocalDate.parse(published).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(published))
                    .plus(Duration.ofSeconds(n));
            String text = body.path("text").asText() + "\n\nThis report was updated " + (n % 59 + 1)
                    + " minutes later with reporting from desk " + n + ".";
            AnalyzedArticle a = analyzer.analyze(new ArticleInput(body.path("title").asText(null), text, null, at));
            result.add(new StoryArticle(UUID.nameUUIDFromBytes(("variant-" + n).getBytes()),
                    body.path("outlet").asText("Bench"), body.path("title").asText(null),
                    "https://bench.example.org/view/" + n, at, a.text(), a.wireCredits(),
                    ClaimMapper.claims(a.claims()), ClaimMapper.entities(a.entities())));
        }
        return result;
    }

    @Setup(Level.Trial)
    public void analyze() throws IOException {
        pool.addAll(variants(Path.of(System.getProperty("newsroom.seeds", "seeds")), articles + MORE));
    }

    /** A new story of {@link #articles} articles, built once: what the projector knows of it before a batch. */
    @Setup(Level.Iteration)
    public void startStory() {
        storyId = UUID.randomUUID();
        story.clear();
        story.addAll(pool.subList(0, articles - 1));
        step();
    }

    /** The next article joins the story, and its view is built, written and cut as the projector does. */
    @Benchmark
    public ViewChunks.Plan addArticleAndBuild() {
        if (story.size() == pool.size()) {
            throw new IllegalStateException("more operations in one iteration than the " + MORE + " articles analyzed");
        }
        return step();
    }

    private ViewChunks.Plan step() {
        story.add(pool.get(story.size()));
        StoryView view = builder.build(storyId, "Benchmark story", story.size(), Instant.EPOCH, story);
        ViewChunks.Plan plan = chunks.plan(storyId, position, json.writePieces(view, true), position + 1);
        chunks.rememberCommitted(List.of(plan));
        position++;
        return plan;
    }
}
