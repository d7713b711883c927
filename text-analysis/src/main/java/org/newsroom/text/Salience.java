package org.newsroom.text;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What an article is most about, in the plain forms that story assignment compares across articles. */
public final class Salience {

    private Salience() {
    }

    /** The text of the first {@code sentences} sentences. */
    public static String lead(AnalyzedArticle article, int sentences) {
        List<Sentence> all = article.sentences();
        if (all.isEmpty()) {
            return article.text();
        }
        Sentence last = all.get(Math.min(sentences, all.size()) - 1);
        return article.text().substring(all.get(0).start(), last.end());
    }

    /** Entity names, most mentioned first (earliest mention breaking ties), at most {@code limit}. */
    public static List<String> entities(AnalyzedArticle article, int limit) {
        return article.entities().stream()
                .sorted(Comparator.comparingInt((Entity e) -> -e.mentions().size())
                        .thenComparingInt(e -> e.mentions().isEmpty() ? Integer.MAX_VALUE : e.mentions().get(0).start()))
                .limit(limit)
                .map(Entity::name)
                .toList();
    }

    /** Figures as "value unit" ("8000 people detained"), each once. */
    public static List<String> quantities(AnalyzedArticle article) {
        Set<String> figures = new LinkedHashSet<>();
        for (Claim c : article.claims()) {
            if (c.quantity() != null) {
                String value = BigDecimal.valueOf(c.quantity().value()).stripTrailingZeros().toPlainString();
                figures.add(value + " " + (c.quantity().unit() == null ? "" : c.quantity().unit().toLowerCase(Locale.ROOT)));
            }
        }
        return List.copyOf(figures);
    }

    /** The words of every direct quote. */
    public static List<String> quotes(AnalyzedArticle article) {
        return article.claims().stream().filter(c -> c.kind() == ClaimKind.QUOTE).map(Claim::text).distinct().toList();
    }
}
