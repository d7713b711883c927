package org.newsroom.query.view.merge;

import org.newsroom.events.StoryEvent.ClaimData;
import org.newsroom.events.StoryEvent.QuantityData;
import org.newsroom.query.view.StoryArticle;
import org.newsroom.query.view.StoryView.MentionView;
import org.newsroom.query.view.text.Memo;
import org.newsroom.query.view.text.Names;
import org.newsroom.query.view.text.Shingles;
import org.newsroom.query.view.text.Words;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Reads every claim of every article into a {@link Mention}, in canonical order. */
public final class MentionAnalyzer {

    private static final Comparator<ClaimData> IN_TEXT = Comparator.comparingInt(ClaimData::start)
            .thenComparingInt(ClaimData::end)
            .thenComparing(ClaimData::kind, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ClaimData::text, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ClaimData::id, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * What a claim's text reads as, apart from the story it is in: the same for every build of its story. Its
     * character shingles are worked out when first asked for: only a claim compared in full with another needs them.
     */
    public static final class TextReading {
        private final String text;
        private final Words.Reading words;
        private volatile Shingles.IntSet shingles;

        private TextReading(String text, Words.Reading words) {
            this.text = text;
            this.words = words;
        }

        public static TextReading of(String text) {
            return new TextReading(text, Words.read(text));
        }

        public Words.Reading words() {
            return words;
        }

        /** The distinct hashes of the text's character 4-grams. */
        public Shingles.IntSet shingles() {
            Shingles.IntSet s = shingles;
            if (s == null) {
                s = Shingles.characters(text, 4);
                shingles = s;
            }
            return s;
        }
    }

    private final SpeakerMatcher speakers;
    private final Function<String, TextReading> readings;
    private final Function<StoryArticle, ArticleClaims> articleClaims;
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private final Map<String, Optional<SpeakerMatcher.Speaker>> resolved = new HashMap<>();
    private final Map<String, Set<String>> nameTerms = new HashMap<>();
    /** The first mention of each distinct claim reading: its twins reuse that reading rather than work it out again. */
    private final Map<TwinKey, Mention> firsts = new HashMap<>();

    /** Everything of a claim that its reading depends on, hashed once: it is kept with the article's claims. */
    static final class TwinKey {
        private final String kind;
        private final String text;
        private final String speaker;
        private final QuantityData quantity;
        private final boolean retracted;
        private final int hash;

        TwinKey(ClaimData c) {
            kind = c.kind();
            text = c.text();
            speaker = c.speaker();
            quantity = c.quantity();
            retracted = c.retracted();
            hash = Objects.hash(kind, text, speaker, quantity, retracted);
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof TwinKey k && hash == k.hash && retracted == k.retracted
                    && text.equals(k.text) && Objects.equals(kind, k.kind) && Objects.equals(speaker, k.speaker)
                    && sameQuantity(quantity, k.quantity);
        }

        /** {@link QuantityData#equals}, written out: the record's generated one was a twentieth of a live build. */
        private static boolean sameQuantity(QuantityData a, QuantityData b) {
            return a == b || a != null && b != null && Double.compare(a.value(), b.value()) == 0
                    && Double.compare(a.low(), b.low()) == 0 && Double.compare(a.high(), b.high()) == 0
                    && Objects.equals(a.unit(), b.unit()) && Objects.equals(a.qualifier(), b.qualifier());
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * @param readings      {@link TextReading#of}, or a memo of it
     * @param articleClaims {@link ArticleClaims#of}, or a memo of it
     */
    public MentionAnalyzer(SpeakerMatcher speakers, Function<String, TextReading> readings,
                           Function<StoryArticle, ArticleClaims> articleClaims) {
        this.speakers = speakers;
        this.readings = readings;
        this.articleClaims = articleClaims;
    }

    /** @param articles in canonical order */
    public List<Mention> read(List<StoryArticle> articles) {
        List<Mention> mentions = new ArrayList<>();
        for (int a = 0; a < articles.size(); a++) {
            StoryArticle article = articles.get(a);
            ArticleClaims claims = articleClaims.apply(article);
            for (int c = 0; c < claims.claims().size(); c++) {
                mentions.add(read(mentions.size(), a, article, claims.claims().get(c), claims.crowded()[c],
                        claims.views()[c], claims.twins()[c]));
            }
        }
        return mentions;
    }

    /**
     * An article's claims as they are read, in the order of its text, with whether each shares its sentence with
     * another and how the view shows it: the same for every build of the article's story.
     */
    public record ArticleClaims(List<ClaimData> claims, boolean[] crowded, MentionView[] views, TwinKey[] twins) {

        public static ArticleClaims of(StoryArticle article) {
            return of(article, Function.identity());
        }

        /**
         * {@link #of}, with every twin key replaced by the first equal one seen (up to {@code capacity} of them): the
         * twins of a build are then found by identity, not by comparing their texts.
         */
        public static Function<StoryArticle, ArticleClaims> withSharedKeys(int capacity) {
            Memo<TwinKey, TwinKey> keys = new Memo<>(Function.identity(), capacity);
            return article -> of(article, keys::get);
        }

        private static ArticleClaims of(StoryArticle article, Function<TwinKey, TwinKey> shared) {
            List<ClaimData> claims = new ArrayList<>(article.claims() == null ? List.of() : article.claims());
            claims.removeIf(c -> c == null || c.text() == null || c.text().isBlank());
            claims.sort(IN_TEXT);
            boolean[] crowded = new boolean[claims.size()];
            MentionView[] views = new MentionView[claims.size()];
            TwinKey[] twins = new TwinKey[claims.size()];
            for (int c = 0; c < claims.size(); c++) {
                ClaimData claim = claims.get(c);
                crowded[c] = (c > 0 && sameSpan(claims.get(c - 1), claim))
                        || (c + 1 < claims.size() && sameSpan(claim, claims.get(c + 1)));
                views[c] = new MentionView(article.id(), article.outlet(), claim.start(), claim.end(), claim.text());
                twins[c] = shared.apply(new TwinKey(claim));
            }
            return new ArticleClaims(List.copyOf(claims), crowded, views, twins);
        }
    }

    /** The terms of a name, left out of what its bearer says: "Varga said" says nothing about what she said. */
    private Set<String> nameTerms(String name) {
        return nameTerms.computeIfAbsent(name, n -> {
            Set<String> terms = new HashSet<>();
            Names.key(n).forEach(w -> terms.add(Words.term(w)));
            return terms;
        });
    }

    private static boolean sameSpan(ClaimData a, ClaimData b) {
        return a.start() == b.start() && a.end() == b.end();
    }

    private Mention read(int index, int articleIndex, StoryArticle article, ClaimData claim, boolean crowded,
                         MentionView view, TwinKey key) {
        Mention first = firsts.get(key);
        if (first != null) {
            return first.twinIn(index, articleIndex, article, claim, crowded, view);
        }
        Mention read = readFirst(index, articleIndex, article, claim, crowded, view);
        firsts.put(key, read);
        return read;
    }

    /** The story's ids of the terms, other than the names', sorted and distinct. */
    private int[] termIds(Collection<String> terms, Set<String> nameWords) {
        int[] ids = new int[terms.size()];
        int count = 0;
        for (String t : terms) {
            if (!nameWords.contains(t)) {
                Integer id = vocabulary.get(t);
                if (id == null) {
                    id = vocabulary.size();
                    vocabulary.put(t, id);
                }
                ids[count++] = id;
            }
        }
        Arrays.sort(ids, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || ids[i] != ids[distinct - 1]) {
                ids[distinct++] = ids[i];
            }
        }
        return Arrays.copyOf(ids, distinct);
    }

    private Mention readFirst(int index, int articleIndex, StoryArticle article, ClaimData claim, boolean crowded,
                              MentionView view) {
        String family = Mention.familyOf(claim.kind());
        SpeakerMatcher.Speaker speaker = claim.speaker() == null ? null
                : resolved.computeIfAbsent(claim.speaker(), s -> Optional.ofNullable(speakers.resolve(s))).orElse(null);
        Set<String> nameWords = new HashSet<>();
        if (speaker != null && speaker.named()) {
            nameWords.addAll(nameTerms(speaker.name()));
        }
        if (claim.speaker() != null) {
            nameWords.addAll(nameTerms(claim.speaker()));
        }
        TextReading text = readings.apply(claim.text());
        Words.Reading reading = text.words();
        int[] terms = termIds(reading.terms(), nameWords);
        double[] numbers = new double[reading.numbers().size()];
        int count = 0;
        for (Double n : reading.numbers()) {
            if (!Double.isNaN(n)) {
                numbers[count++] = n;
            }
        }
        numbers = Arrays.copyOf(numbers, count);
        QuantityTopic topic = null;
        QuantityRange range = null;
        if (claim.quantity() != null) {
            topic = QuantityTopic.of(claim.quantity().unit());
            range = QuantityRange.of(claim.quantity());
            if (family.equals(Mention.QUANTITY)) {
                numbers = new double[0];
            }
        }
        return new Mention(index, articleIndex, article, claim, family,
                speaker == null || !family.equals(Mention.SPEECH) ? -1 : speaker.id(),
                speaker == null ? null : speaker.name(), terms, text,
                Arrays.copyOf(numbers, numbers.length), reading.negated(), topic, range, crowded, index, view);
    }
}
