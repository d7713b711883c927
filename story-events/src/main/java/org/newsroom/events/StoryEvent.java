package org.newsroom.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Everything that can happen to a story. Type names are part of the stored format: never rename one.
 * Every event of an article lives in the stream of the story it belongs to ({@link #streamOf(UUID)}).
 */
public sealed interface StoryEvent {

    static String streamOf(UUID storyId) {
        return "story-" + storyId;
    }

    /** The stable name stored in the {@code type} column. */
    String type();

    /** The version of this type's data layout; older rows are upcast on read. */
    default int schemaVersion() {
        return 1;
    }

    /** A story was opened by the article that did not fit any existing one. */
    record StoryOpened(UUID storyId, String headline, UUID openedBy) implements StoryEvent {
        public static final String TYPE = "StoryOpened";
        public String type() { return TYPE; }
    }

    /** An article (or a new revision of it) was received and its text normalized. */
    record ArticleIngested(UUID articleId, int revision, String outlet, String url, String title,
                           Instant publishedAt, Instant receivedAt, String contentHash, String text,
                           String dateline, List<String> wireCredits) implements StoryEvent {
        public static final String TYPE = "ArticleIngested";
        public String type() { return TYPE; }
    }

    /**
     * What the extractor found in one revision of an article; offsets index into its text. Schema 2 leaves out each
     * claim's, date's and mention's text that is the article's text between its offsets ({@link #withoutTextsOf}),
     * and fields at their defaults; a reader puts the texts back from the revision's ArticleIngested text
     * ({@link #withTextsOf}). Schema-1 rows carry every text, so they read as they are.
     */
    record ClaimsExtracted(UUID articleId, int revision, List<ClaimData> claims, List<EntityData> entities)
            implements StoryEvent {
        public static final String TYPE = "ClaimsExtracted";
        public static final int SCHEMA_VERSION = 2;

        public ClaimsExtracted {
            claims = orEmpty(claims);
            entities = orEmpty(entities);
        }

        public String type() { return TYPE; }

        @Override
        public int schemaVersion() { return SCHEMA_VERSION; }

        /** As schema 2 stores it: the texts that {@code articleText} has between their offsets left out. */
        public ClaimsExtracted withoutTextsOf(String articleText) {
            return new ClaimsExtracted(articleId, revision, replaced(claims, c -> c.withoutTextOf(articleText)),
                    replaced(entities, e -> e.withoutTextsOf(articleText)));
        }

        /** With every left-out text read from {@code articleText}, the text of this revision; this if none is. */
        public ClaimsExtracted withTextsOf(String articleText) {
            List<ClaimData> c = ClaimData.withTextsOf(claims, articleText);
            List<EntityData> e = EntityData.withTextsOf(entities, articleText);
            return c == claims && e == entities ? this : new ClaimsExtracted(articleId, revision, c, e);
        }
    }

    /**
     * The story-assignment decision for an article, with its score, the runner-up and the signals behind the score.
     * Schema 2 added {@code signals}; schema-1 rows are upcast with none.
     */
    record ArticleAssignedToStory(UUID articleId, int revision, UUID storyId, String decision, double score,
                                  UUID runnerUpStoryId, Double runnerUpScore, Map<String, Double> signals)
            implements StoryEvent {
        public static final String TYPE = "ArticleAssignedToStory";
        public static final int SCHEMA_VERSION = 2;
        public String type() { return TYPE; }
        @Override
        public int schemaVersion() { return SCHEMA_VERSION; }
    }

    /** A row whose type this code does not know: kept as it is, skipped by projections. */
    record Unknown(String type, int schemaVersion, JsonNode data) implements StoryEvent {
    }

    record ClaimData(String id, String kind, String text, int start, int end, String speaker, String cue,
                     List<String> hedges, boolean retracted, QuantityData quantity, List<DateData> dates) {
        public ClaimData {
            hedges = orEmpty(hedges);
            dates = orEmpty(dates);
        }

        ClaimData withoutTextOf(String articleText) {
            return new ClaimData(id, kind, slices(articleText, text, start, end) ? null : text, start, end, speaker,
                    cue, hedges, retracted, quantity, replaced(dates, d -> d.withoutTextOf(articleText)));
        }

        ClaimData withTextOf(String articleText) {
            List<DateData> d = replaced(dates, date -> date.withTextOf(articleText));
            return text != null && d == dates ? this : new ClaimData(id, kind, text == null
                    ? slice(articleText, start, end) : text, start, end, speaker, cue, hedges, retracted, quantity, d);
        }

        /** The claims with their left-out texts read from {@code articleText}; the same list if none is left out. */
        public static List<ClaimData> withTextsOf(List<ClaimData> claims, String articleText) {
            return replaced(claims, c -> c.withTextOf(articleText));
        }
    }

    record QuantityData(double value, double low, double high, String unit, String qualifier) {
    }

    record DateData(String text, int start, int end, LocalDate date) {
        DateData withoutTextOf(String articleText) {
            return slices(articleText, text, start, end) ? new DateData(null, start, end, date) : this;
        }

        DateData withTextOf(String articleText) {
            return text != null ? this : new DateData(slice(articleText, start, end), start, end, date);
        }
    }

    record EntityData(String name, String type, List<String> aliases, List<MentionData> mentions) {
        public EntityData {
            aliases = orEmpty(aliases);
            mentions = orEmpty(mentions);
        }

        EntityData withoutTextsOf(String articleText) {
            return new EntityData(name, type, aliases, replaced(mentions, m -> m.withoutTextOf(articleText)));
        }

        /** The entities with their mentions' left-out texts read from {@code articleText}; the same list if none is. */
        public static List<EntityData> withTextsOf(List<EntityData> entities, String articleText) {
            return replaced(entities, e -> {
                List<MentionData> m = replaced(e.mentions, mention -> mention.withTextOf(articleText));
                return m == e.mentions ? e : new EntityData(e.name, e.type, e.aliases, m);
            });
        }
    }

    record MentionData(int start, int end, String text) {
        MentionData withoutTextOf(String articleText) {
            return slices(articleText, text, start, end) ? new MentionData(start, end, null) : this;
        }

        MentionData withTextOf(String articleText) {
            return text != null ? this : new MentionData(start, end, slice(articleText, start, end));
        }
    }

    /** The list with each element replaced by {@code f}'s answer; the same list if {@code f} answers every one itself. */
    private static <T> List<T> replaced(List<T> list, UnaryOperator<T> f) {
        List<T> result = null;
        for (int i = 0; i < list.size(); i++) {
            T before = list.get(i);
            T after = f.apply(before);
            if (after != before) {
                result = result == null ? new ArrayList<>(list) : result;
                result.set(i, after);
            }
        }
        return result == null ? list : result;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Whether {@code text} is exactly {@code articleText} between the offsets. */
    private static boolean slices(String articleText, String text, int start, int end) {
        return text != null && start >= 0 && end <= articleText.length() && end - start == text.length()
                && articleText.startsWith(text, start);
    }

    /** The article's text between the offsets; empty where a foreign writer left out a text its offsets miss. */
    private static String slice(String articleText, int start, int end) {
        return start >= 0 && start <= end && end <= articleText.length() ? articleText.substring(start, end) : "";
    }
}
