package org.newsroom.ingest.ingesting;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventStore;
import org.newsroom.text.ArticleAnalyzer;

/** The libraries' objects as beans: one analyzer (its models load once) and one event store. */
public class Producers {

    @Produces
    @Singleton
    EventStore eventStore() {
        return new EventStore(new EventCodec());
    }

    @Produces
    @Singleton
    ArticleAnalyzer analyzer() {
        return new ArticleAnalyzer();
    }
}
