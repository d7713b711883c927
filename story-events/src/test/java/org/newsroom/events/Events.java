package org.newsroom.events;

import java.util.UUID;

/** Small events for store tests. */
final class Events {

    private Events() {
    }

    static NewEvent opened() {
        UUID story = UUID.randomUUID();
        UUID article = UUID.randomUUID();
        return new NewEvent(UUID.randomUUID(), new StoryEvent.StoryOpened(story, "headline", article),
                new EventMetadata(article, null, "test"));
    }
}
