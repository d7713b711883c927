package org.newsroom.bench;

import org.newsroom.events.EventMetadata;
import org.newsroom.events.RecordedEvent;
import org.newsroom.events.StoryEvent.ArticleIngested;
import org.newsroom.events.StoryEvent.ClaimsExtracted;
import org.newsroom.query.projection.ViewJson;
import org.newsroom.query.view.StoryArticle;
import org.newsroom.query.view.StoryView;
import org.newsroom.query.view.StoryViewBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A rebuild's view builds in-process, on one thread, without the database: stories like the rebuild corpus's (the
 * first of 100 articles, the others of 1-27), each article a seed analyzed as the ingest service analyzes it, its text
 * reworded as {@link SyntheticEvents} rewords it, each story built once as a replay builds it and written as JSON.
 * Each round prints its time, the events/s that makes (three events per article, as the corpus has), and a digest of
 * all the views' JSON: a change meant to leave the views alone must leave the digest alone. For profiling and for
 * comparing builders, not a figure of {@code bench/run}:
 * <pre>
 * java -cp "bench/target/classes:bench/target/lib/*" org.newsroom.bench.ReplayBuilds [rounds] [articles] [seeds]
 * </pre>
 */
final class ReplayBuilds {

    /** One round: every story built and written once. */
    record Round(double seconds, long bytes, String digest) {
    }

    private final List<List<StoryArticle>> stories = new ArrayList<>();
    private final int articles;

    ReplayBuilds(Path seeds, int articles) throws IOException {
        List<StoryArticle> analyzed = ViewBuildBenchmark.variants(seeds, 5);
        List<RecordedEvent> recorded = new ArrayList<>();
        List<ClaimsExtracted> extracted = new ArrayList<>();
        for (StoryArticle a : analyzed) {
            ArticleIngested ingested = new ArticleIngested(a.id(), 1, a.outlet(), a.url(), a.title(), a.publishedAt(),
                    Instant.EPOCH, a.id().toString(), a.text(), null, a.wireCredits());
            ClaimsExtracted claims = new ClaimsExtracted(a.id(), 1, a.claims(), a.entities());
            EventMetadata metadata = new EventMetadata(a.id(), null, "text-analysis/1");
            recorded.add(new RecordedEvent(recorded.size() + 1, "seeds", recorded.size() + 1, UUID.randomUUID(), 1,
                    ingested, metadata, Instant.EPOCH, 1));
            recorded.add(new RecordedEvent(recorded.size() + 1, "seeds", recorded.size() + 1, UUID.randomUUID(), 2,
                    claims, metadata, Instant.EPOCH, 1));
            // as schema 2 stores them: the texts left out, to be read from the synthetic article's own text
            extracted.add(claims.withoutTextsOf(a.text()));
        }
        SyntheticEvents rewording = SyntheticEvents.from(recorded);
        Random sizes = new Random(7);
        long n = 0;
        while (n < articles) {
            int size = stories.isEmpty() ? 100 : 1 + sizes.nextInt(27);
            List<StoryArticle> story = new ArrayList<>(size);
            for (int i = 0; i < size && n < articles; i++, n++) {
                int seed = (int) (n % analyzed.size());
                StoryArticle template = analyzed.get(seed);
                String text = rewording.reworded(template.text(), n);
                ClaimsExtracted claims = extracted.get(seed).withTextsOf(text);
                story.add(new StoryArticle(UUID.nameUUIDFromBytes(("article-" + n).getBytes(StandardCharsets.UTF_8)),
                        template.outlet() + " " + (n % 40), template.title(), "https://synthetic.example.org/" + n,
                        template.publishedAt().plusSeconds(n % 86_400), text, List.of(), claims.claims(),
                        claims.entities()));
            }
            stories.add(story);
        }
        this.articles = (int) n;
    }

    int stories() {
        return stories.size();
    }

    int articles() {
        return articles;
    }

    Round round() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ViewJson json = new ViewJson();
        long bytes = 0;
        long started = System.nanoTime();
        for (int s = 0; s < stories.size(); s++) {
            UUID id = UUID.nameUUIDFromBytes(("story-" + s).getBytes(StandardCharsets.UTF_8));
            StoryView view = new StoryViewBuilder().build(id, "Replayed story", 1, Instant.EPOCH, stories.get(s),
                    false);
            for (Object piece : json.writePieces(view, false).pieces()) {
                byte[] b = piece instanceof byte[] ascii ? ascii : piece.toString().getBytes(StandardCharsets.UTF_8);
                digest.update(b);
                bytes += b.length;
            }
        }
        return new Round((System.nanoTime() - started) / 1e9, bytes, HexFormat.of().formatHex(digest.digest()));
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int articles = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path seeds = Path.of(args.length > 2 ? args[2] : "seeds");
        ReplayBuilds replay = new ReplayBuilds(seeds, articles);
        System.out.printf("%d stories, %d articles%n", replay.stories(), replay.articles());
        for (int i = 0; i < rounds; i++) {
            Round r = replay.round();
            System.out.printf("round %d: %.2f s, %.0f events/s, %d bytes of JSON, SHA-256 %s%n", i + 1, r.seconds(),
                    3 * replay.articles() / r.seconds(), r.bytes(), r.digest());
        }
    }
}
