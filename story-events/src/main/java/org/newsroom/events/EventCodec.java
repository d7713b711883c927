package org.newsroom.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Turns events into the JSON stored in {@code data} and back, upcasting old schema versions on the way in. */
public final class EventCodec {

    private static final Logger LOG = Logger.getLogger(EventCodec.class);

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(StoryEvent.ClaimData.class, CompactClaim.class)
            .addMixIn(StoryEvent.QuantityData.class, LeaveOutNulls.class)
            .addMixIn(StoryEvent.DateData.class, LeaveOutNulls.class)
            .addMixIn(StoryEvent.EntityData.class, CompactEntity.class)
            .addMixIn(StoryEvent.MentionData.class, LeaveOutNulls.class);

    /*
     * ClaimsExtracted (schema 2) leaves out what a reader gets back anyway: null texts (left out because the article's
     * text has them), null fields, empty lists and a claim that is not retracted. The records read a missing list
     * as empty, a missing flag as false.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private abstract static class LeaveOutNulls {
    }

    private abstract static class CompactClaim extends LeaveOutNulls {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<String> hedges();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<StoryEvent.DateData> dates();

        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract boolean retracted();
    }

    private abstract static class CompactEntity extends LeaveOutNulls {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<String> aliases();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EventMetadata readMetadata(byte[] json) {
        return read(json, EventMetadata.class);
    }

    /** Unknown types are returned as {@link StoryEvent.Unknown} with a warning, never an error. */
    public StoryEvent readEvent(String type, int schemaVersion, byte[] json) {
        Class<? extends StoryEvent> target = switch (type) {
            case StoryEvent.StoryOpened.TYPE -> StoryEvent.StoryOpened.class;
            case StoryEvent.ArticleIngested.TYPE -> StoryEvent.ArticleIngested.class;
            case StoryEvent.ClaimsExtracted.TYPE -> StoryEvent.ClaimsExtracted.class;
            case StoryEvent.ArticleAssignedToStory.TYPE -> StoryEvent.ArticleAssignedToStory.class;
            default -> null;
        };
        if (target != null && Upcaster.current(type, schemaVersion)) {
            return read(json, target);
        }
        JsonNode node = read(json, JsonNode.class);
        if (target == null) {
            LOG.warnf("skipping event of unknown type %s (schema version %d)", type, schemaVersion);
            return new StoryEvent.Unknown(type, schemaVersion, node);
        }
        try {
            return mapper.treeToValue(Upcaster.upcast(type, schemaVersion, (ObjectNode) node), target);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From UTF-8 bytes as the database sends them: no String of the whole event is made on the way. */
    public <T> T read(byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
