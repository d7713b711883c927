package org.newsroom.query.view;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.newsroom.query.view.StoryView.MentionView;
import org.newsroom.query.view.text.Memo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a mention as Jackson writes the record, from a memo of its JSON: a growing story's view is written again
 * each time an article joins it, and nearly all of its bytes are the same mentions as before.
 */
public final class MentionJson extends StdSerializer<MentionView> {

    /** About 300 bytes each: some tens of megabytes at most. */
    private static final int REMEMBERED = 100_000;
    /** A writer attribute: set, the mentions are written without the memo. */
    public static final Object UNREMEMBERED = MentionJson.class.getName() + ".unremembered";
    private static final Memo<MentionView, String> WRITTEN = new Memo<>(m -> encode(false, m), REMEMBERED);
    /** For writers that escape every character outside ASCII, as the stored views are written. */
    private static final Memo<MentionView, String> WRITTEN_ASCII = new Memo<>(m -> encode(true, m), REMEMBERED);

    public MentionJson() {
        super(MentionView.class);
    }

    @Override
    public void serialize(MentionView mention, JsonGenerator generator, SerializerProvider provider)
            throws IOException {
        boolean ascii = generator.isEnabled(JsonGenerator.Feature.ESCAPE_NON_ASCII);
        String json = provider.getAttribute(UNREMEMBERED) != null ? encode(ascii, mention)
                : (ascii ? WRITTEN_ASCII : WRITTEN).get(mention);
        if (ascii && generator.getOutputTarget() instanceof PieceSink sink) {
            // The separator through the generator, which keeps track of it; the mention itself by reference.
            generator.writeRawValue("");
            generator.flush();
            sink.piece(json);
        } else {
            generator.writeRawValue(json);
        }
    }

    /**
     * The mention's JSON as Jackson writes it: its standard escapes, control characters as {@code \\u00XX}, and
     * with {@code ascii} every character past 127 as {@code \\uXXXX}, in upper-case hex. Written by hand: creating a
     * generator for each of the hundreds of thousands of mentions a rebuild writes cost more than writing them.
     */
    static String encode(boolean ascii, MentionView m) {
        if (ascii) {
            return AsciiJson.mention(m);
        }
        StringBuilder out = new StringBuilder(m.text() == null ? 96 : m.text().length() + 96);
        out.append("{\"articleId\":");
        string(out, m.articleId() == null ? null : m.articleId().toString());
        out.append(",\"outlet\":");
        string(out, m.outlet());
        out.append(",\"start\":").append(m.start()).append(",\"end\":").append(m.end()).append(",\"text\":");
        string(out, m.text());
        return out.append('}').toString();
    }

    /**
     * The ASCII form, into bytes: every character is one byte of output or an escape, and a String made from
     * ISO-8859-1 bytes is a copy of them. The stored views are written this way, hundreds of megabytes in a replay.
     */
    private static final class AsciiJson {
        private byte[] bytes;
        private int length;

        private AsciiJson(int capacity) {
            bytes = new byte[capacity];
        }

        static String mention(MentionView m) {
            AsciiJson out = new AsciiJson(m.text() == null ? 128 : m.text().length() + 128);
            out.raw("{\"articleId\":");
            out.string(m.articleId() == null ? null : m.articleId().toString());
            out.raw(",\"outlet\":");
            out.string(m.outlet());
            out.raw(",\"start\":" + m.start() + ",\"end\":" + m.end() + ",\"text\":");
            out.string(m.text());
            out.raw("}");
            return new String(out.bytes, 0, out.length, StandardCharsets.ISO_8859_1);
        }

        private void raw(String ascii) {
            room(ascii.length());
            for (int i = 0; i < ascii.length(); i++) {
                bytes[length++] = (byte) ascii.charAt(i);
            }
        }

        private void string(String value) {
            if (value == null) {
                raw("null");
                return;
            }
            room(value.length() + 2);
            bytes[length++] = '"';
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                    if (length == bytes.length) {
                        room(value.length() - i + 1);
                    }
                    bytes[length++] = (byte) c;
                } else {
                    room(value.length() - i + 7);
                    bytes[length++] = '\\';
                    switch (c) {
                        case '"', '\\' -> bytes[length++] = (byte) c;
                        case '\b' -> bytes[length++] = 'b';
                        case '\t' -> bytes[length++] = 't';
                        case '\n' -> bytes[length++] = 'n';
                        case '\f' -> bytes[length++] = 'f';
                        case '\r' -> bytes[length++] = 'r';
                        default -> {
                            bytes[length++] = 'u';
                            bytes[length++] = (byte) HEX[c >> 12];
                            bytes[length++] = (byte) HEX[(c >> 8) & 15];
                            bytes[length++] = (byte) HEX[(c >> 4) & 15];
                            bytes[length++] = (byte) HEX[c & 15];
                        }
                    }
                }
            }
            room(1);
            bytes[length++] = '"';
        }

        /** At least {@code n} more bytes of room. */
        private void room(int n) {
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
            }
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, from, i).append('\\');
            from = i + 1;
            switch (c) {
                case '"', '\\' -> out.append(c);
                case '\b' -> out.append('b');
                case '\t' -> out.append('t');
                case '\n' -> out.append('n');
                case '\f' -> out.append('f');
                case '\r' -> out.append('r');
                default -> out.append('u').append(HEX[c >> 12]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15])
                        .append(HEX[c & 15]);
            }
        }
        out.append(value, from, value.length()).append('"');
    }
}
