package org.newsroom.query.view;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.newsroom.query.view.StoryView.MentionView;

import java.io.IOException;
import java.util.Arrays;

/**
 * Writes a mention as Jackson writes the record, from the JSON the mention keeps once written: a growing story's view
 * is written again each time an article joins it, and nearly all of its bytes are the same mentions as before.
 */
public final class MentionJson extends StdSerializer<MentionView> {

    /** A writer attribute: set, the mentions are written without keeping their JSON, as a replay writes them once. */
    public static final Object UNREMEMBERED = MentionJson.class.getName() + ".unremembered";

    public MentionJson() {
        super(MentionView.class);
    }

    @Override
    public void serialize(MentionView mention, JsonGenerator generator, SerializerProvider provider)
            throws IOException {
        boolean remembered = provider.getAttribute(UNREMEMBERED) == null;
        if (!generator.isEnabled(JsonGenerator.Feature.ESCAPE_NON_ASCII)) {
            generator.writeRawValue(remembered ? written(mention) : encode(false, mention));
            return;
        }
        Ascii ascii = remembered ? writtenAscii(mention) : Ascii.of(encode(true, mention));
        if (generator.getOutputTarget() instanceof PieceSink sink) {
            // The separator through the generator, which keeps track of it; the mention itself by reference.
            generator.writeRawValue("");
            generator.flush();
            sink.piece(ascii.json(), ascii.sketch());
        } else {
            generator.writeRawValue(ascii.json());
        }
    }

    /**
     * A mention's ASCII JSON with its {@link PieceSink#sketch}: one immutable object, so that a thread that finds it
     * kept by the mention finds both.
     */
    record Ascii(String json, int sketch) {
        static Ascii of(String json) {
            return new Ascii(json, PieceSink.sketch(json));
        }
    }

    /** The mention's JSON, kept by the mention: two threads that both write it first write the same text. */
    private static String written(MentionView m) {
        String json = m.json;
        if (json == null) {
            json = encode(false, m);
            m.json = json;
        }
        return json;
    }

    private static Ascii writtenAscii(MentionView m) {
        Ascii ascii = m.ascii;
        if (ascii == null) {
            ascii = Ascii.of(encode(true, m));
            m.ascii = ascii;
        }
        return ascii;
    }

    /**
     * The mention's JSON as Jackson writes it: its standard escapes, control characters as {@code \\u00XX}, and
     * with {@code ascii} every character past 127 as {@code \\uXXXX}, in upper-case hex. Written by hand: creating a
     * generator for each of the hundreds of thousands of mentions a rebuild writes cost more than writing them.
     */
    static String encode(boolean ascii, MentionView m) {
        JsonText out = new JsonText(ascii, m.text() == null ? 128 : m.text().length() + 128);
        out.raw("{\"articleId\":");
        out.string(m.articleId() == null ? null : m.articleId().toString());
        out.raw(",\"outlet\":");
        out.string(m.outlet());
        out.raw(",\"start\":" + m.start() + ",\"end\":" + m.end() + ",\"text\":");
        out.string(m.text());
        out.raw("}");
        return out.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** JSON text written character by character into an array, the runs between escapes copied as they are. */
    private static final class JsonText {
        private final boolean ascii;
        private char[] chars;
        private int length;

        JsonText(boolean ascii, int capacity) {
            this.ascii = ascii;
            this.chars = new char[capacity];
        }

        void raw(String text) {
            room(text.length());
            text.getChars(0, text.length(), chars, length);
            length += text.length();
        }

        void string(String value) {
            if (value == null) {
                raw("null");
                return;
            }
            // Room for the quotes and every character as itself; an escape asks for more as it comes.
            room(value.length() + 2);
            chars[length++] = '"';
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= 0x20 && c != '"' && c != '\\' && (c < 0x80 || !ascii)) {
                    chars[length++] = c;
                    continue;
                }
                room(value.length() - i + 7);
                chars[length++] = '\\';
                switch (c) {
                    case '"', '\\' -> chars[length++] = c;
                    case '\b' -> chars[length++] = 'b';
                    case '\t' -> chars[length++] = 't';
                    case '\n' -> chars[length++] = 'n';
                    case '\f' -> chars[length++] = 'f';
                    case '\r' -> chars[length++] = 'r';
                    default -> {
                        chars[length++] = 'u';
                        chars[length++] = HEX[c >> 12];
                        chars[length++] = HEX[(c >> 8) & 15];
                        chars[length++] = HEX[(c >> 4) & 15];
                        chars[length++] = HEX[c & 15];
                    }
                }
            }
            room(1);
            chars[length++] = '"';
        }

        /** At least {@code n} more characters of room. */
        private void room(int n) {
            if (length + n > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + n));
            }
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }
}
