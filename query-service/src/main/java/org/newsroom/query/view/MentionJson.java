package org.newsroom.query.view;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.newsroom.query.view.StoryView.MentionView;
import org.newsroom.query.view.text.Memo;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes a mention as Jackson writes the record, from a memo of its JSON: a growing story's view is written again
 * each time an article joins it, and nearly all of its bytes are the same mentions as before.
 */
public final class MentionJson extends StdSerializer<MentionView> {

    /** About 300 bytes each: some tens of megabytes at most. */
    private static final int REMEMBERED = 100_000;
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonFactory ASCII = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final Memo<MentionView, String> WRITTEN = new Memo<>(m -> encode(FACTORY, m), REMEMBERED);
    /** For writers that escape every character outside ASCII, as the stored views are written. */
    private static final Memo<MentionView, String> WRITTEN_ASCII = new Memo<>(m -> encode(ASCII, m), REMEMBERED);

    public MentionJson() {
        super(MentionView.class);
    }

    @Override
    public void serialize(MentionView mention, JsonGenerator generator, SerializerProvider provider)
            throws IOException {
        boolean ascii = generator.isEnabled(JsonGenerator.Feature.ESCAPE_NON_ASCII);
        String json = (ascii ? WRITTEN_ASCII : WRITTEN).get(mention);
        if (ascii && generator.getOutputTarget() instanceof PieceSink sink) {
            // The separator through the generator, which keeps track of it; the mention itself by reference.
            generator.writeRawValue("");
            generator.flush();
            sink.piece(json);
        } else {
            generator.writeRawValue(json);
        }
    }

    private static String encode(JsonFactory factory, MentionView m) {
        StringWriter out = new StringWriter(m.text() == null ? 96 : m.text().length() + 96);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("articleId", m.articleId() == null ? null : m.articleId().toString());
            g.writeStringField("outlet", m.outlet());
            g.writeNumberField("start", m.start());
            g.writeNumberField("end", m.end());
            g.writeStringField("text", m.text());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
