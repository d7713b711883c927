package org.newsroom.query;

import io.agroal.api.AgroalDataSource;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventMetadata;
import org.newsroom.events.EventStore;
import org.newsroom.events.NewEvent;
import org.newsroom.events.StoryEvent;
import org.newsroom.events.StoryEvent.ClaimData;
import org.newsroom.events.StoryEvent.QuantityData;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes a story's events through the real event store, as the ingest service would. */
final class StoryEvents {

    private final EventStore store = new EventStore(new EventCodec());
    private final AgroalDataSource dataSource;
    final UUID storyId = UUID.randomUUID();
    private int version;

    StoryEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Appends one article (opening the story first if needed); returns the position of its last event. */
    long article(String outlet, String text, Instant publishedAt) throws SQLException {
        UUID articleId = UUID.randomUUID();
        List<StoryEvent> events = new ArrayList<>();
        if (version == 0) {
            events.add(new StoryEvent.StoryOpened(storyId, "Harbour bridge reopens", articleId));
        }
        events.add(new StoryEvent.ArticleIngested(articleId, 1, outlet, null, "Bridge reopens", publishedAt,
                Instant.now(), UUID.randomUUID().toString(), text, null, List.of()));
        int start = text.indexOf("About");
        int end = text.indexOf('.', start) + 1;
        events.add(new StoryEvent.ClaimsExtracted(articleId, 1, List.of(new ClaimData("c0", "QUANTITY",
                text.substring(start, end), start, end, null, null, List.of(), false,
                new QuantityData(40000, 36000, 44000, "vehicles cross", "about"),
                List.of(new StoryEvent.DateData("Tuesday", 0, 0, LocalDate.of(2024, 3, 5))))), List.of()));
        events.add(new StoryEvent.ArticleAssignedToStory(articleId, 1, storyId, version == 0 ? "opened" : "joined",
                0.9, null, null, java.util.Map.of()));
        List<NewEvent> batch = events.stream()
                .map(e -> new NewEvent(UUID.randomUUID(), e, new EventMetadata(articleId, null, "test"))).toList();
        try (Connection c = dataSource.getConnection()) {
            List<Long> positions = store.append(c, StoryEvent.streamOf(storyId), version, batch);
            version += batch.size();
            return positions.get(positions.size() - 1);
        }
    }

    static String text(String outlet) {
        return outlet + " reports: the harbour bridge reopened on Tuesday. About 40,000 vehicles cross it every day.";
    }
}
