package org.newsroom.query.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventStore;

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

    public String write(Object value) {
        return store.codec().write(value);
    }

    public <T> T read(String json, Class<T> type) {
        return store.codec().read(json, type);
    }
}
