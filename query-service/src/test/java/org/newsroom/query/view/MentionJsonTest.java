package org.newsroom.query.view;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.newsroom.query.view.StoryView.MentionView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MentionJsonTest {

    @Test
    void aRememberedMentionIsWrittenAsJacksonWritesTheRecord() throws Exception {
        writesAsJacksonWritesTheRecord(new ObjectMapper());
    }

    @Test
    void aWriterThatEscapesNonAsciiGetsTheMentionEscapedToo() throws Exception {
        ObjectMapper ascii = new ObjectMapper().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
        writesAsJacksonWritesTheRecord(ascii);
        String json = ascii.writeValueAsString(new MentionView(null, "Outlet", 0, 5, "\u201cWe won\u2019t\u201d"));
        assertTrue(json.chars().allMatch(c -> c < 128), json);
        // a writer that does not escape gets the characters themselves
        assertTrue(new ObjectMapper().writeValueAsString(new MentionView(null, "Outlet", 0, 5,
                "\u201cWe won\u2019t\u201d")).contains("\u2019"));
    }

    @Test
    void aMentionKeepsItsPlainAndItsEscapedJsonApart() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        ObjectMapper ascii = new ObjectMapper().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
        MentionView m = new MentionView(UUID.randomUUID(), "Outlet", 3, 9, "\u201cWe won\u2019t\u201d");
        String expectedPlain = plain.writeValueAsString(fields(m));
        String expectedAscii = ascii.writeValueAsString(fields(m));
        for (int round = 0; round < 2; round++) {
            assertEquals(expectedPlain, plain.writeValueAsString(m));
            assertEquals(expectedAscii, ascii.writeValueAsString(m));
        }
        assertNotEquals(expectedPlain, expectedAscii);
    }

    @Test
    void anyTextIsEscapedExactlyAsJacksonEscapesIt() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        ObjectMapper ascii = new ObjectMapper().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
        java.util.Random random = new java.util.Random(7);
        char[] alphabet = "aZ09 \"\\/\b\f\n\r\t\u0000\u001f\u007f\u0080\u00e9\u2019\ud83d\udcf0\uffff".toCharArray();
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)]
                        : (char) random.nextInt(0x3000));
            }
            MentionView m = new MentionView(UUID.randomUUID(), text.toString(), n, n + 1, text.toString());
            assertEquals(plain.writeValueAsString(fields(m)), MentionJson.encode(false, m));
            assertEquals(ascii.writeValueAsString(fields(m)), MentionJson.encode(true, m));
        }
    }

    private static void writesAsJacksonWritesTheRecord(ObjectMapper mapper) throws Exception {
        List<MentionView> mentions = List.of(
                new MentionView(UUID.fromString("0fad9a2c-6969-39b4-91f4-82a62f41fe04"), "Press TV", 12, 80,
                        "He said: \"We won\u2019t\u00a0allow it\" \\ \n\t\u0001 \ud83d\udcf0"),
                new MentionView(null, null, 0, 0, null));
        for (MentionView m : mentions) {
            String expected = mapper.writeValueAsString(fields(m));
            assertEquals(expected, mapper.writeValueAsString(m));
            assertEquals("[" + expected + "," + expected + "]", mapper.writeValueAsString(List.of(m, m)));
            assertEquals(m, mapper.readValue(mapper.writeValueAsString(m), MentionView.class));
        }
    }

    /** The mention's fields in the record's order, as Jackson writes any map. */
    private static Map<String, Object> fields(MentionView m) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("articleId", m.articleId());
        fields.put("outlet", m.outlet());
        fields.put("start", m.start());
        fields.put("end", m.end());
        fields.put("text", m.text());
        return fields;
    }
}
