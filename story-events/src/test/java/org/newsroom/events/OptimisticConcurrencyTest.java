package org.newsroom.events;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OptimisticConcurrencyTest {

    private final EventStore store = new EventStore(new EventCodec());

    @Test
    void appendAtAStaleVersionFailsAndWritesNothing() throws SQLException {
        String stream = StoryEvent.streamOf(UUID.randomUUID());
        try (Connection c = EventStoreDatabase.connect()) {
            store.append(c, stream, 0, List.of(Events.opened(), Events.opened()));
            assertThrows(ConcurrencyConflictException.class, () -> store.append(c, stream, 1, List.of(Events.opened())));
            assertThrows(ConcurrencyConflictException.class, () -> store.append(c, stream, 5, List.of(Events.opened())));
            assertEquals(List.of(1, 2), store.readStream(c, stream).stream().map(RecordedEvent::streamVersion).toList());
        }
    }

    @Test
    void ofTwoConcurrentAppendsAtTheSameVersionOneWinsAndTheOtherConflicts() throws Exception {
        String stream = StoryEvent.streamOf(UUID.randomUUID());
        try (Connection first = EventStoreDatabase.connect(); Connection second = EventStoreDatabase.connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            store.append(first, stream, 0, List.of(Events.opened()));
            // The second append blocks on the first's uncommitted row, then fails once the first commits.
            CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
                try {
                    store.append(second, stream, 0, List.of(Events.opened()));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            first.commit();
            Throwable failure = assertThrows(Exception.class, () -> blocked.get(10, TimeUnit.SECONDS)).getCause();
            assertInstanceOf(ConcurrencyConflictException.class, failure);
            second.rollback();
            assertEquals(1, store.readStream(first, stream).size());
        }
    }

    @Test
    void aLargeAppendKeepsItsOrderAndOneTooLargeForAStatementIsRefusedWritingNothing() throws SQLException {
        String stream = StoryEvent.streamOf(UUID.randomUUID());
        List<NewEvent> events = java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> Events.opened()).toList();
        try (Connection c = EventStoreDatabase.connect()) {
            List<Long> positions = store.append(c, stream, 0, events);
            List<RecordedEvent> stored = store.readStream(c, stream);
            assertEquals(events.stream().map(NewEvent::eventId).toList(),
                    stored.stream().map(RecordedEvent::eventId).toList(), "stored in the order given");
            assertEquals(positions, stored.stream().map(RecordedEvent::position).toList());
            assertEquals(1_000, stored.get(999).streamVersion());

            List<NewEvent> tooMany = java.util.stream.IntStream.range(0, EventStore.MAX_APPEND + 1)
                    .mapToObj(i -> Events.opened()).toList();
            assertThrows(IllegalArgumentException.class, () -> store.append(c, stream, 1_000, tooMany));
            assertEquals(1_000, store.streamVersion(c, stream));
        }
    }

    @Test
    void anEventIsReadBackAsWrittenWhateverItsCharacters() throws SQLException {
        String headline = "Quote \" backslash \\ tab \t newline \n \u00e9t\u00e9 \u2014 \u201cquoted\u201d \ud83d\udcf0";
        UUID story = UUID.randomUUID();
        NewEvent event = new NewEvent(UUID.randomUUID(), new StoryEvent.StoryOpened(story, headline, UUID.randomUUID()),
                new EventMetadata(UUID.randomUUID(), null, "t\u00e9st"));
        try (Connection c = EventStoreDatabase.connect()) {
            store.append(c, StoryEvent.streamOf(story), 0, List.of(event));
            RecordedEvent read = store.readStream(c, StoryEvent.streamOf(story)).get(0);
            assertEquals(event.event(), read.event());
            assertEquals(event.metadata(), read.metadata());
        }
    }

    @Test
    void theSameEventIdIsStoredOnlyOnce() throws SQLException {
        NewEvent event = Events.opened();
        String stream = StoryEvent.streamOf(UUID.randomUUID());
        String otherStream = StoryEvent.streamOf(UUID.randomUUID());
        try (Connection c = EventStoreDatabase.connect()) {
            store.append(c, stream, 0, List.of(event));
            assertThrows(DuplicateEventException.class, () -> store.append(c, otherStream, 0, List.of(event)));
            assertEquals(0, store.streamVersion(c, otherStream));
        }
    }

    @Test
    void anAppendNotifiesListenersOfItsLastPositionWhenItCommits() throws Exception {
        try (Connection listener = EventStoreDatabase.connect(); Connection writer = EventStoreDatabase.connect()) {
            try (Statement s = listener.createStatement()) {
                s.execute("LISTEN " + EventStore.CHANNEL);
            }
            PGConnection pg = listener.unwrap(PGConnection.class);
            pg.getNotifications(1);
            List<Long> positions = store.append(writer, StoryEvent.streamOf(UUID.randomUUID()), 0,
                    List.of(Events.opened(), Events.opened()));
            PGNotification[] received = pg.getNotifications(5_000);
            assertEquals(1, received.length);
            assertEquals(Long.toString(positions.get(1)), received[0].getParameter());
        }
    }
}
