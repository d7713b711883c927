package org.newsroom.evaluation;

import org.newsroom.assignment.ArticleFeatures;

import java.time.Instant;

/** Turns an article's text into the features the story assigner compares. */
public interface FeatureExtractor {

    ArticleFeatures extract(String title, String text, Instant publishedAt);
}
