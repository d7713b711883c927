package org.newsroom.evaluation;

import org.newsroom.assignment.ArticleEmbedder;
import org.newsroom.assignment.ArticleFeatures;
import org.newsroom.assignment.Decision;
import org.newsroom.assignment.StoryAssigner;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Feeds a labelled corpus through the story assigner as the ingest service would, and prints B-cubed precision,
 * recall and F1 of the stories against the gold clusters.
 *
 * <p>Usage: {@code StoryClusteringEvaluation <folder> [--shuffle-seed N] [--same-day] [--verbose]}. By default
 * articles arrive in publication order (ties by id); with a seed they arrive in random order. With
 * {@code --same-day} every article is dated the same day, so that only content tells events apart: a stress test
 * for look-alike events close in time.
 */
public final class StoryClusteringEvaluation {

    private StoryClusteringEvaluation() {
    }

    public static void main(String[] args) {
        Path folder = null;
        Long seed = null;
        boolean verbose = false;
        boolean sameDay = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--shuffle-seed" -> seed = Long.parseLong(args[++i]);
                case "--verbose" -> verbose = true;
                case "--same-day" -> sameDay = true;
                default -> folder = Path.of(args[i]);
            }
        }
        if (folder == null) {
            System.err.println("usage: StoryClusteringEvaluation <folder> [--shuffle-seed N] [--same-day] [--verbose]");
            System.exit(2);
        }
        List<LabelledArticle> articles = new ArrayList<>(BasilCorpus.read(folder));
        if (sameDay) {
            Instant day = articles.get(0).publishedAt();
            articles.replaceAll(a -> new LabelledArticle(a.id(), a.clusterId(), a.outlet(), a.title(), day, a.text()));
        }
        if (seed != null) {
            Collections.shuffle(articles, new Random(seed));
        }
        FeatureExtractor extractor = new AnalyzerFeatureExtractor(new ArticleEmbedder());
        long extractStart = System.nanoTime();
        List<ArticleFeatures> features = articles.stream()
                .map(a -> extractor.extract(a.title(), a.text(), a.publishedAt())).toList();
        long extractNanos = System.nanoTime() - extractStart;

        StoryAssigner assigner = new StoryAssigner();
        RecentStories stories = new RecentStories();
        List<String> predicted = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        long assignNanos = 0;
        long updateNanos = 0;
        double lowestJoined = Double.NaN;
        double highestOpened = Double.NaN;
        for (int i = 0; i < articles.size(); i++) {
            LabelledArticle article = articles.get(i);
            long start = System.nanoTime();
            Decision decision = assigner.assign(features.get(i), stories.candidates(article.publishedAt()), null);
            long decided = System.nanoTime();
            assignNanos += decided - start;
            UUID story = decision.storyId();
            if (story == null) {
                story = stories.open(features.get(i));
            } else {
                stories.join(story, features.get(i));
            }
            updateNanos += System.nanoTime() - decided;
            if (decision.storyId() == null) {
                highestOpened = Double.isNaN(highestOpened) ? decision.score() : Math.max(highestOpened, decision.score());
            } else {
                lowestJoined = Double.isNaN(lowestJoined) ? decision.score() : Math.min(lowestJoined, decision.score());
            }
            predicted.add(story.toString());
            gold.add(article.clusterId());
            if (verbose) {
                System.out.printf("%s %-44s %-7s %.3f runner-up %s %s%n  %s | %s%n", article.publishedAt().toString()
                        .substring(0, 10), article.id(), decision.decision(), decision.score(),
                        decision.runnerUpScore() == null ? "-" : String.format("%.3f", decision.runnerUpScore()),
                        decision.signals(), article.title(), features.get(i).entities());
            }
        }
        BCubed score = BCubed.of(predicted, gold);
        System.out.printf("articles %d, order %s%s%n", articles.size(),
                seed == null ? "publication date" : "shuffled (seed " + seed + ")", sameDay ? ", all on one day" : "");
        System.out.printf("B-cubed precision %.4f  recall %.4f  F1 %.4f%n", score.precision(), score.recall(),
                score.f1());
        System.out.printf("clusters predicted %d  gold %d%n", score.predictedClusters(), score.goldClusters());
        System.out.printf("margin: lowest score joined %.3f, highest score turned down %.3f%n", lowestJoined,
                highestOpened);
        System.out.printf("per article (cold JVM): features %.1f ms, assignment %.3f ms, profile update %.3f ms%n",
                extractNanos / 1e6 / articles.size(), assignNanos / 1e6 / articles.size(),
                updateNanos / 1e6 / articles.size());
    }
}
