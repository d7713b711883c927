package org.newsroom.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.inject.Singleton;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventStore;
import org.newsroom.query.view.MentionJson;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON mapping used for events and views, so that a view is written the same way on every replay. */
@Singleton
public class ViewJson {

    private final EventStore store = new EventStore(new EventCodec());

    public ObjectMapper mapper() {
        return store.codec().mapper();
    }

    public EventStore store() {
        return store;
    }

    /**
     * A view's JSON, with every character outside ASCII escaped: the views are megabytes long and written for every
     * batch, and an ASCII string is half the memory of one with a curly quote in it and is copied, not encoded, on
     * its way to PostgreSQL and into gzip. Readers parse the same text.
     */
    private final ObjectWriter views = store.codec().mapper().writer()
            .with(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

    public String write(Object value) {
        try {
            return views.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For a view built once, as in a replay: its mentions are written without looking them up or keeping them. */
    private final ObjectWriter unremembered = views.withAttribute(MentionJson.UNREMEMBERED, Boolean.TRUE);

    /** The same JSON as {@link #write}, in pieces (ASCII): what the view chunks are cut from. */
    public ViewPieces writePieces(Object value) {
        return writePieces(value, true);
    }

    /**
     * {@link #writePieces(Object)}; with {@code remember} false the mentions' JSON is not remembered for the next
     * version of the view, as a replay, which builds most views once, would only fill the memo with what it never
     * asks for again.
     */
    public ViewPieces writePieces(Object value, boolean remember) {
        ViewPieces out = new ViewPieces();
        try {
            (remember ? views : unremembered).writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public <T> T read(String json, Class<T> type) {
        return store.codec().read(json, type);
    }
}
