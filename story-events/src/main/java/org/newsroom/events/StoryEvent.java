package org.newsroom.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
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

    /** What the extractor found in one revision of an article; offsets index into its text. */
    record ClaimsExtracted(UUID articleId, int revision, List<ClaimData> claims, List<EntityData> entities)
            implements StoryEvent {
        public static final String TYPE = "ClaimsExtracted";
        public String type() { return TYPE; }
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
    }

    record QuantityData(double value, double low, double high, String unit, String qualifier) {
    }

    record DateData(String text, int start, int end, LocalDate date) {
    }

    record EntityData(String name, String type, List<String> aliases, List<MentionData> mentions) {
    }

    record MentionData(int start, int end, String text) {
    }
}
