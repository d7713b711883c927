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
    /** The id of the article appended last. */
    UUID lastArticle;

    StoryEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Appends one article (opening the story first if needed); returns the position of its last event. */
    long article(String outlet, String text, Instant publishedAt) throws SQLException {
        return article(outlet, "Bridge reopens", text, publishedAt, List.of(claim("QUANTITY", text,
                text.substring(text.indexOf("About"), text.indexOf('.', text.indexOf("About")) + 1), null,
                new QuantityData(40000, 36000, 44000, "vehicles cross", "about"), LocalDate.of(2024, 3, 5))));
    }

    /** Appends one article with the given claims; returns the position of its last event. */
    long article(String outlet, String title, String text, Instant publishedAt, List<ClaimData> claims)
            throws SQLException {
        UUID articleId = UUID.randomUUID();
        lastArticle = articleId;
        List<StoryEvent> events = new ArrayList<>();
        if (version == 0) {
            events.add(new StoryEvent.StoryOpened(storyId, "Harbour bridge reopens", articleId));
        }
        events.add(new StoryEvent.ArticleIngested(articleId, 1, outlet, "https://example.org/" + articleId, title,
                publishedAt, Instant.now(), UUID.randomUUID().toString(), text, null, List.of()));
        events.add(new StoryEvent.ClaimsExtracted(articleId, 1, claims, List.of()));
        events.add(new StoryEvent.ArticleAssignedToStory(articleId, 1, storyId, version == 0 ? "opened" : "joined",
                0.9, null, null, java.util.Map.of()));
        return append(articleId, events);
    }

    /** Appends only the text of a new revision of an article, as if its claims were still being extracted. */
    long revisedText(UUID articleId, int revision, String outlet, String text) throws SQLException {
        return append(articleId, List.of(new StoryEvent.ArticleIngested(articleId, revision, outlet,
                "https://example.org/" + articleId, "Bridge reopens", Instant.now(), Instant.now(),
                UUID.randomUUID().toString(), text, null, List.of())));
    }

    /** Appends the claims of a revision whose text {@link #revisedText} appended, and its assignment. */
    long revisedClaims(UUID articleId, int revision, List<ClaimData> claims) throws SQLException {
        return append(articleId, List.of(new StoryEvent.ClaimsExtracted(articleId, revision, claims, List.of()),
                new StoryEvent.ArticleAssignedToStory(articleId, revision, storyId, "joined", 0.9, null, null,
                        java.util.Map.of())));
    }

    private long append(UUID articleId, List<StoryEvent> events) throws SQLException {
        List<NewEvent> batch = events.stream()
                .map(e -> new NewEvent(UUID.randomUUID(), e, new EventMetadata(articleId, null, "test"))).toList();
        try (Connection c = dataSource.getConnection()) {
            List<Long> positions = store.append(c, StoryEvent.streamOf(storyId), version, batch);
            version += batch.size();
            return positions.get(positions.size() - 1);
        }
    }

    /** A claim on {@code sentence}, which must occur in {@code text}; dated when {@code date} is not null. */
    static ClaimData claim(String kind, String text, String sentence, String speaker, QuantityData quantity,
                           LocalDate date) {
        int start = text.indexOf(sentence);
        if (start < 0) {
            throw new IllegalArgumentException("'" + sentence + "' is not in the text");
        }
        return new ClaimData("c" + start, kind, sentence, start, start + sentence.length(), speaker, null, List.of(),
                false, quantity, date == null ? List.of() : List.of(new StoryEvent.DateData("Tuesday", 0, 0, date)));
    }

    static String text(String outlet) {
        return outlet + " reports: the harbour bridge reopened on Tuesday. About 40,000 vehicles cross it every day.";
    }
}
