package org.newsroom.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Extracts the main article text from HTML with readability-style scoring; paragraphs are separated by blank lines. */
final class HtmlMainContent {
    private static final String JUNK = "script, style, noscript, template, svg, canvas, iframe, form, button, input, select, "
            + "nav, header, footer, aside, figure, figcaption, menu, dialog, [role=navigation], [role=banner], "
            + "[role=contentinfo], [role=complementary], [aria-hidden=true], [hidden]";
    private static final Pattern UNLIKELY = Pattern.compile("(?i)comment|share|social|related|promo|newsletter|subscribe|"
            + "sidebar|footer|header|menu|breadcrumb|cookie|banner|advert|\\bad-|popup|modal|caption|credit|byline|tags");
    private static final Pattern LIKELY = Pattern.compile("(?i)article|body|content|story|main|post|entry|text");
    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre";

    private HtmlMainContent() {}

    static String extract(String html) {
        Document doc = Jsoup.parse(html);
        doc.select(JUNK).remove();
        for (Element e : new ArrayList<>(doc.body().getAllElements())) {
            if (e != doc.body() && e.parent() != null && isUnlikely(e)) {
                e.remove();
            }
        }
        Element best = bestContainer(doc);
        List<String> paragraphs = new ArrayList<>();
        for (Element block : best.select(BLOCKS)) {
            if (block.children().select(BLOCKS).isEmpty() || block.is("li, blockquote")) {
                String text = block.text().trim();
                if (!text.isEmpty() && (paragraphs.isEmpty() || !paragraphs.get(paragraphs.size() - 1).equals(text))) {
                    paragraphs.add(text);
                }
            }
        }
        if (paragraphs.isEmpty()) {
            paragraphs.add(best.text());
        }
        return String.join("\n\n", paragraphs);
    }

    private static boolean isUnlikely(Element e) {
        String signature = e.className() + " " + e.id();
        return !e.is("article, main, body") && UNLIKELY.matcher(signature).find() && !LIKELY.matcher(e.id()).find();
    }

    /** Scores each paragraph's parent and grandparent by text length and commas, penalizing link-heavy containers. */
    private static Element bestContainer(Document doc) {
        Map<Element, Double> scores = new LinkedHashMap<>();
        for (Element p : doc.select("p, pre, blockquote")) {
            String text = p.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + text.split(",").length + Math.min(3, text.length() / 100.0);
            Element parent = p.parent();
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                if (parent.parent() != null) {
                    scores.merge(parent.parent(), score / 2, Double::sum);
                }
            }
        }
        Element best = doc.body();
        double bestScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            Element candidate = entry.getKey();
            double score = entry.getValue() * (1 - linkDensity(candidate))
                    * (LIKELY.matcher(candidate.className() + " " + candidate.id()).find() || candidate.is("article, main") ? 1.25 : 1);
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    private static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 1;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return (double) links / total;
    }
}
