package org.newsroom.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.newsroom.events.StoryEvent.ClaimData;
import org.newsroom.events.StoryEvent.ClaimsExtracted;
import org.newsroom.events.StoryEvent.DateData;
import org.newsroom.events.StoryEvent.EntityData;
import org.newsroom.events.StoryEvent.MentionData;
import org.newsroom.events.StoryEvent.QuantityData;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimsExtractedSchemaTest {

    private static final String TEXT = "On Monday the ministry said 8,000 people were detained. "
            + "\"We will not allow it,\" the president said.";

    private final EventStore store = new EventStore(new EventCodec());

    /** As the extractor reports it: every text given, one of them (a quote without its marks) not a slice. */
    private static ClaimsExtracted extracted(UUID article) {
        int figure = TEXT.indexOf("On Monday");
        int quote = TEXT.indexOf("We will");
        ClaimData statement = new ClaimData("c0", "QUANTITY", TEXT.substring(figure, TEXT.indexOf(". ") + 1), figure,
                TEXT.indexOf(". ") + 1, "the ministry", "said", List.of(), false,
                new QuantityData(8000, 8000, 8000, "people detained", null),
                List.of(new DateData("Monday", 3, 9, LocalDate.of(2022, 1, 10))));
        ClaimData quoted = new ClaimData("c1", "QUOTE", "We will not allow it", quote, quote + 21, "the president",
                "said", List.of("will"), true, null, List.of());
        int president = TEXT.indexOf("president");
        EntityData entity = new EntityData("president", "PERSON", List.of(),
                List.of(new MentionData(president, president + 9, "president")));
        return new ClaimsExtracted(article, 1, List.of(statement, quoted), List.of(entity));
    }

    @Test
    void schemaTwoLeavesOutTheTextsTheArticleHasAndReadsBackToWhatTheExtractorSaid() throws SQLException {
        UUID article = UUID.randomUUID();
        String stream = StoryEvent.streamOf(UUID.randomUUID());
        ClaimsExtracted full = extracted(article);
        try (Connection c = EventStoreDatabase.connect()) {
            store.append(c, stream, 0, List.of(new NewEvent(UUID.randomUUID(), full.withoutTextsOf(TEXT),
                    new EventMetadata(article, null, "test"))));
            JsonNode stored;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT schema_version, data::text FROM events WHERE stream_id = '" + stream + "'")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
                stored = store.codec().read(rs.getString(2), JsonNode.class);
            }
            JsonNode statement = stored.get("claims").get(0);
            assertFalse(statement.has("text"), "the article has this claim's text: " + statement);
            assertFalse(statement.get("dates").get(0).has("text"));
            assertFalse(statement.has("hedges"), "an empty list is left out");
            assertFalse(statement.has("retracted"), "false is left out");
            assertFalse(statement.get("quantity").has("qualifier"), "null is left out");
            JsonNode quoted = stored.get("claims").get(1);
            assertEquals("We will not allow it", quoted.get("text").asText(), "not a slice of the text, so kept");
            assertTrue(quoted.get("retracted").asBoolean());
            assertFalse(stored.get("entities").get(0).get("mentions").get(0).has("text"));

            ClaimsExtracted read = assertInstanceOf(ClaimsExtracted.class, store.readStream(c, stream).get(0).event());
            assertNull(read.claims().get(0).text());
            assertEquals(full, read.withTextsOf(TEXT));
        }
    }

    @Test
    void aSchemaOneRowWithEveryTextReadsAsItWasWritten() throws SQLException {
        UUID article = UUID.randomUUID();
        String stream = StoryEvent.streamOf(UUID.randomUUID());
        ClaimsExtracted full = extracted(article);
        try (Connection c = EventStoreDatabase.connect(); Statement s = c.createStatement()) {
            // What schema 1 wrote: every text and every field, nulls and empty lists included.
            s.execute("""
                    INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
                    VALUES ('%s', 1, gen_random_uuid(), 'ClaimsExtracted', 1, '%s',
                            '{"correlationId": null, "causationId": null, "extractorVersion": "text-analysis/1"}')
                    """.formatted(stream, new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                    .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .writeValueAsString(full).replace("'", "''")));
            RecordedEvent row = store.readStream(c, stream).get(0);
            assertEquals(1, row.schemaVersion());
            ClaimsExtracted read = assertInstanceOf(ClaimsExtracted.class, row.event());
            assertEquals(full, read);
            assertSame(read, read.withTextsOf(TEXT), "nothing to put back");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
