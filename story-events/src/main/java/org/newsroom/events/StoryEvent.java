package org.newsroom.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
            return new ClaimsExtracted(articleId, revision, claims.stream().map(c -> c.withoutTextOf(articleText))
                    .toList(), entities.stream().map(e -> e.withoutTextsOf(articleText)).toList());
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
                    cue, hedges, retracted, quantity, dates.stream().map(d -> d.withoutTextOf(articleText)).toList());
        }

        /** The claims with their left-out texts read from {@code articleText}; the same list if none is left out. */
        public static List<ClaimData> withTextsOf(List<ClaimData> claims, String articleText) {
            List<ClaimData> result = null;
            for (int i = 0; i < claims.size(); i++) {
                ClaimData c = claims.get(i);
                List<DateData> dates = DateData.withTextsOf(c.dates, articleText);
                if (c.text == null || dates != c.dates) {
                    result = result == null ? new ArrayList<>(claims) : result;
                    result.set(i, new ClaimData(c.id, c.kind, c.text == null ? slice(articleText, c.start, c.end)
                            : c.text, c.start, c.end, c.speaker, c.cue, c.hedges, c.retracted, c.quantity, dates));
                }
            }
            return result == null ? claims : result;
        }
    }

    record QuantityData(double value, double low, double high, String unit, String qualifier) {
    }

    record DateData(String text, int start, int end, LocalDate date) {
        DateData withoutTextOf(String articleText) {
            return slices(articleText, text, start, end) ? new DateData(null, start, end, date) : this;
        }

        static List<DateData> withTextsOf(List<DateData> dates, String articleText) {
            List<DateData> result = null;
            for (int i = 0; i < dates.size(); i++) {
                DateData d = dates.get(i);
                if (d.text == null) {
                    result = result == null ? new ArrayList<>(dates) : result;
                    result.set(i, new DateData(slice(articleText, d.start, d.end), d.start, d.end, d.date));
                }
            }
            return result == null ? dates : result;
        }
    }

    record EntityData(String name, String type, List<String> aliases, List<MentionData> mentions) {
        public EntityData {
            aliases = orEmpty(aliases);
            mentions = orEmpty(mentions);
        }

        EntityData withoutTextsOf(String articleText) {
            return new EntityData(name, type, aliases, mentions.stream().map(m -> slices(articleText, m.text,
                    m.start, m.end) ? new MentionData(m.start, m.end, null) : m).toList());
        }

        /** The entities with their mentions' left-out texts read from {@code articleText}; the same list if none is. */
        public static List<EntityData> withTextsOf(List<EntityData> entities, String articleText) {
            List<EntityData> result = null;
            for (int i = 0; i < entities.size(); i++) {
                EntityData e = entities.get(i);
                List<MentionData> mentions = null;
                for (int m = 0; m < e.mentions.size(); m++) {
                    MentionData mention = e.mentions.get(m);
                    if (mention.text == null) {
                        mentions = mentions == null ? new ArrayList<>(e.mentions) : mentions;
                        mentions.set(m, new MentionData(mention.start, mention.end,
                                slice(articleText, mention.start, mention.end)));
                    }
                }
                if (mentions != null) {
                    result = result == null ? new ArrayList<>(entities) : result;
                    result.set(i, new EntityData(e.name, e.type, e.aliases, mentions));
                }
            }
            return result == null ? entities : result;
        }
    }

    record MentionData(int start, int end, String text) {
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
