package org.newsroom.text;

import java.util.List;

/** Result of analysis; every offset indexes into {@code text} (UTF-16). */
public record AnalyzedArticle(String text, String dateline, List<Sentence> sentences, List<Entity> entities,
                              List<Claim> claims, List<String> wireCredits) {
    public AnalyzedArticle {
        sentences = List.copyOf(sentences);
        entities = List.copyOf(entities);
        claims = List.copyOf(claims);
        wireCredits = List.copyOf(wireCredits);
    }
}
