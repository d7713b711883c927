package org.newsroom.ingest.ingesting;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventStore;
import org.newsroom.assignment.ArticleEmbedder;
import org.newsroom.text.ArticleAnalyzer;

/** The libraries' objects as beans: one analyzer and one embedder (their models load once) and one event store. */
public class Producers {

    /** Loads the models while starting, so the service is ready only when the first article can be served quickly. */
    void loadModels(@Observes StartupEvent ignored, ArticleAnalyzer analyzer, ArticleEmbedder embedder) {
        embedder.embed("warm-up", "");
    }

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

    @Produces
    @Singleton
    ArticleEmbedder embedder() {
        return new ArticleEmbedder();
    }
}
