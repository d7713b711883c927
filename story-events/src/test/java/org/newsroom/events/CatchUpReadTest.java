package org.newsroom.events;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CatchUpReadTest {

    private final EventStore store = new EventStore(new EventCodec());

    @Test
    void aReaderBetweenTwoOutOfOrderCommitsDoesNotSkipTheEarlierPosition() throws SQLException {
        try (Connection early = EventStoreDatabase.connect(); Connection late = EventStoreDatabase.connect();
             Connection reader = EventStoreDatabase.connect()) {
            Checkpoint checkpoint = readToEnd(reader, Checkpoint.START, new ArrayList<>());
            early.setAutoCommit(false);
            late.setAutoCommit(false);
            long earlyPosition = store.append(early, StoryEvent.streamOf(UUID.randomUUID()), 0, List.of(Events.opened())).get(0);
            long latePosition = store.append(late, StoryEvent.streamOf(UUID.randomUUID()), 0, List.of(Events.opened())).get(0);
            assertTrue(earlyPosition < latePosition);
            late.commit();

            List<Long> seen = new ArrayList<>();
            checkpoint = readToEnd(reader, checkpoint, seen);
            assertFalse(seen.contains(latePosition), "the later position must wait until the earlier transaction ends");

            early.commit();
            checkpoint = readToEnd(reader, checkpoint, seen);
            assertTrue(seen.contains(earlyPosition), "earlier position delivered after its late commit");
            assertTrue(seen.contains(latePosition));
        }
    }

    @Test
    void aBatchNeverSplitsATransaction() throws SQLException {
        try (Connection writer = EventStoreDatabase.connect(); Connection reader = EventStoreDatabase.connect()) {
            Checkpoint checkpoint = readToEnd(reader, Checkpoint.START, new ArrayList<>());
            store.append(writer, StoryEvent.streamOf(UUID.randomUUID()), 0,
                    List.of(Events.opened(), Events.opened(), Events.opened()));
            store.append(writer, StoryEvent.streamOf(UUID.randomUUID()), 0, List.of(Events.opened(), Events.opened()));
            List<RecordedEvent> batch = store.readAfter(reader, checkpoint, 4);
            assertEquals(3, batch.size(), "the second transaction's events stay together for the next batch");
            assertEquals(1, batch.stream().map(RecordedEvent::transactionId).distinct().count());
            assertEquals(2, store.readAfter(reader, new Checkpoint(batch.get(2).transactionId(),
                    batch.get(2).position()), 4).size());
            assertEquals(1, store.readAfter(reader, checkpoint, 2).stream().map(RecordedEvent::transactionId)
                    .distinct().count(), "a transaction larger than the limit is split rather than never read");
        }
    }

    @Test
    void transactionIdsAreOrderedAsNumbersAcrossAPowerOfTen() throws SQLException {
        try (Connection writer = EventStoreDatabase.connect(); Connection reader = EventStoreDatabase.connect();
             Statement s = writer.createStatement()) {
            Checkpoint checkpoint = readToEnd(reader, Checkpoint.START, new ArrayList<>());
            long next = currentTransactionId(s) + 1;
            long power = (long) Math.pow(10, Long.toString(next).length());
            // Within reach on a young database (the embedded one); elsewhere the ids are too far from a power of ten.
            assumeTrue(power - next < 5_000, "transaction ids far from the next power of ten");
            while (currentTransactionId(s) < power - 3) {
                // each autocommitted call takes the next transaction id
            }
            List<Long> appended = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                appended.addAll(store.append(writer, StoryEvent.streamOf(UUID.randomUUID()), 0,
                        List.of(Events.opened())));
            }
            List<Long> seen = new ArrayList<>();
            readToEnd(reader, checkpoint, seen);
            assertEquals(appended, seen, "every event once, in commit order, from ...998 to ...001");
        }
    }

    private static long currentTransactionId(Statement s) throws SQLException {
        try (var rs = s.executeQuery("SELECT pg_current_xact_id()::text")) {
            rs.next();
            return Long.parseLong(rs.getString(1));
        }
    }

    @Test
    void unknownEventTypesAreKeptAndReadAsUnknown() throws SQLException {
        String stream = StoryEvent.streamOf(UUID.randomUUID());
        try (Connection c = EventStoreDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO events (stream_id, stream_version, event_id, type, data, metadata)
                    VALUES ('%s', 1, gen_random_uuid(), 'SomethingFromTheFuture', '{"x": 1}', '{}')
                    """.formatted(stream));
            RecordedEvent event = store.readStream(c, stream).get(0);
            StoryEvent.Unknown unknown = assertInstanceOf(StoryEvent.Unknown.class, event.event());
            assertEquals("SomethingFromTheFuture", unknown.type());
            assertEquals(1, unknown.data().get("x").asInt());
        }
    }

    @Test
    void eventsAreReadByTheirPositionsInLogOrder() throws SQLException {
        try (Connection c = EventStoreDatabase.connect()) {
            String stream = StoryEvent.streamOf(UUID.randomUUID());
            List<Long> positions = store.append(c, stream, 0, List.of(Events.opened(), Events.opened(), Events.opened()));
            List<RecordedEvent> read = store.readPositions(c, List.of(positions.get(2), positions.get(0), -1L));
            assertEquals(List.of(positions.get(0), positions.get(2)), read.stream().map(RecordedEvent::position).toList());
            assertEquals(List.of(1, 3), read.stream().map(RecordedEvent::streamVersion).toList());
            assertTrue(store.readPositions(c, List.of()).isEmpty());
        }
    }

    @Test
    void eachStorysLastAssignmentIsWhereAReaderWillReadIt() throws SQLException {
        UUID story = UUID.randomUUID();
        UUID behindAnOpenTransaction = UUID.randomUUID();
        try (Connection writer = EventStoreDatabase.connect(); Connection open = EventStoreDatabase.connect();
             Connection reader = EventStoreDatabase.connect(); Statement s = writer.createStatement()) {
            String stream = StoryEvent.streamOf(story);
            store.append(writer, stream, 0, List.of(assigned(story)));
            store.append(writer, stream, 1, List.of(assigned(story), Events.opened()));
            long last = store.append(writer, stream, 3, List.of(Events.opened(), assigned(story))).get(1);
            s.execute("""
                    INSERT INTO events (stream_id, stream_version, event_id, type, data, metadata)
                    VALUES ('%s', 1, gen_random_uuid(), 'ArticleAssignedToStory', '{"storyId": "not an id"}', '{}')
                    """.formatted(StoryEvent.streamOf(UUID.randomUUID())));
            open.setAutoCommit(false);
            store.append(open, StoryEvent.streamOf(UUID.randomUUID()), 0, List.of(Events.opened()));
            store.append(writer, StoryEvent.streamOf(behindAnOpenTransaction), 0,
                    List.of(assigned(behindAnOpenTransaction)));

            Map<UUID, Checkpoint> assignments = store.lastAssignments(reader);
            RecordedEvent lastEvent = store.readPositions(reader, List.of(last)).get(0);
            assertEquals(Checkpoint.at(lastEvent), assignments.get(story), "the story's last assignment, not an earlier one");
            assertFalse(assignments.containsKey(behindAnOpenTransaction),
                    "committed after a transaction still open: a reader cannot read it yet, so no story waits for it");
            open.rollback();
            assertTrue(store.lastAssignments(reader).containsKey(behindAnOpenTransaction));
        }
    }

    private static NewEvent assigned(UUID story) {
        return new NewEvent(UUID.randomUUID(), new StoryEvent.ArticleAssignedToStory(UUID.randomUUID(), 1, story,
                "joined", 0.5, null, null, Map.of()), new EventMetadata(UUID.randomUUID(), null, "test"));
    }

    private Checkpoint readToEnd(Connection reader, Checkpoint from, List<Long> seen) throws SQLException {
        Checkpoint checkpoint = from;
        for (List<RecordedEvent> batch = store.readAfter(reader, checkpoint, 100); !batch.isEmpty();
             batch = store.readAfter(reader, checkpoint, 100)) {
            for (RecordedEvent e : batch) {
                seen.add(e.position());
                checkpoint = new Checkpoint(e.transactionId(), e.position());
            }
        }
        return checkpoint;
    }
}
