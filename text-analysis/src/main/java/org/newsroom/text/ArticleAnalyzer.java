package org.newsroom.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a news article into normalized text, sentences, entities and attributed claims with exact offsets.
 * Thread-safe and deterministic; the OpenNLP models are loaded once in the constructor.
 */
public final class ArticleAnalyzer {
    /** Extractor version; bump whenever the output for the same input changes. */
    public static final String VERSION = "text-analysis/1";

    private static final int DATELINE_SEARCH_PARAGRAPHS = 3;

    private final SentenceSplitter splitter;
    private final SentenceTagger tagger;
    private final EntityLinker linker = new EntityLinker();

    public ArticleAnalyzer() {
        NlpModels models = new NlpModels();
        this.splitter = new SentenceSplitter(models);
        this.tagger = new SentenceTagger(models);
    }

    public AnalyzedArticle analyze(ArticleInput input) {
        String raw = input.html() != null ? HtmlMainContent.extract(input.html()) : input.text();
        FurnitureFilter.Result filtered = FurnitureFilter.filter(TextNormalizer.paragraphs(raw), input.title());
        List<String> body = new ArrayList<>(filtered.body());
        String dateline = null;
        for (int i = 0; i < Math.min(DATELINE_SEARCH_PARAGRAPHS, body.size()) && dateline == null; i++) {
            Optional<DatelineParser.Dateline> parsed = DatelineParser.parse(body.get(i));
            if (parsed.isPresent()) {
                dateline = parsed.get().dateline();
                body.set(i, parsed.get().rest());
            }
        }
        List<String> creditLines = new ArrayList<>();
        if (dateline != null) {
            creditLines.add(dateline);
        }
        creditLines.addAll(filtered.removed());
        List<String> wireCredits = WireCreditDetector.detect(creditLines, body);
        String text = TextNormalizer.join(body);
        List<TaggedSentence> tagged = tagger.tag(text, splitter.split(text));
        EntityIndex entities = linker.link(text, tagged);
        List<Claim> claims = ClaimExtractor.extract(text, tagged, entities, input.publishedAt());
        List<Sentence> sentences = tagged.stream().map(s -> new Sentence(s.start(), s.end())).toList();
        return new AnalyzedArticle(text, dateline, sentences, entities.entities(), claims, wireCredits);
    }
}
