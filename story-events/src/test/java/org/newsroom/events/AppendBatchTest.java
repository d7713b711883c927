package org.newsroom.events;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppendBatchTest {

    private final EventStore store = new EventStore(new EventCodec());

    private static String stream() {
        return StoryEvent.streamOf(UUID.randomUUID());
    }

    /** A stream with one event in the log. */
    private String streamAtOne(Connection c) throws SQLException {
        String s = stream();
        store.append(c, s, 0, List.of(Events.opened()));
        return s;
    }

    @Test
    void appendsToSeveralStreamsAreWrittenByOneFlushWithTheirOwnPositions() throws SQLException {
        String a = stream();
        try (Connection c = EventStoreDatabase.connect()) {
            String b = streamAtOne(c);
            AppendBatch batch = store.batch();
            List<NewEvent> first = List.of(Events.opened(), Events.opened());
            NewEvent second = Events.opened();
            NewEvent third = Events.opened();
            AppendBatch.Pending p1 = batch.append(a, 0, first);
            AppendBatch.Pending p2 = batch.append(b, 1, List.of(second));
            AppendBatch.Pending p3 = batch.append(a, 2, List.of(third));
            assertEquals(0, store.streamVersion(c, a), "nothing is written before the flush");
            batch.flush(c);

            List<RecordedEvent> inA = store.readStream(c, a);
            assertEquals(List.of(first.get(0).eventId(), first.get(1).eventId(), third.eventId()),
                    inA.stream().map(RecordedEvent::eventId).toList());
            assertEquals(List.of(1, 2, 3), inA.stream().map(RecordedEvent::streamVersion).toList());
            assertEquals(List.of(inA.get(0).position(), inA.get(1).position()), p1.positions());
            assertEquals(List.of(inA.get(2).position()), p3.positions());
            RecordedEvent inB = store.readStream(c, b).get(1);
            assertEquals(second.eventId(), inB.eventId());
            assertEquals(List.of(inB.position()), p2.positions());
            assertTrue(p1.positions().get(1) < p2.positions().get(0) && p2.positions().get(0) < p3.positions().get(0),
                    "positions follow the order of the appends");
        }
    }

    @Test
    void aStreamNotAtItsExpectedVersionFailsTheFlushAndNothingOfTheBatchIsWritten() throws SQLException {
        String fresh = stream();
        try (Connection c = EventStoreDatabase.connect()) {
            String stale = streamAtOne(c);
            AppendBatch batch = store.batch();
            batch.append(fresh, 0, List.of(Events.opened()));
            batch.append(stale, 0, List.of(Events.opened()));
            ConcurrencyConflictException e = assertThrows(ConcurrencyConflictException.class, () -> batch.flush(c));
            assertTrue(e.getMessage().contains(stale) && e.getMessage().contains("it is at 1"), e.getMessage());
            assertEquals(0, store.streamVersion(c, fresh));
            assertEquals(1, store.streamVersion(c, stale));
        }
    }

    @Test
    void anAppendThatTheBatchsOwnAppendsContradictIsRefusedAtOnce() {
        String s = stream();
        AppendBatch batch = store.batch();
        batch.append(s, 0, List.of(Events.opened(), Events.opened()));
        assertThrows(ConcurrencyConflictException.class, () -> batch.append(s, 1, List.of(Events.opened())));
        batch.append(s, 2, List.of(Events.opened()));
    }

    @Test
    void theBatchKnowsTheArticlesItHoldsUntilItIsFlushed() throws SQLException {
        NewEvent event = Events.opened();
        AppendBatch batch = store.batch();
        AppendBatch.Pending pending = batch.append(stream(), 0, List.of(event));
        assertTrue(batch.holds(event.metadata().correlationId()));
        assertFalse(batch.holds(UUID.randomUUID()));
        assertThrows(IllegalStateException.class, pending::positions);
        try (Connection c = EventStoreDatabase.connect()) {
            batch.flush(c);
        }
        assertFalse(batch.holds(event.metadata().correlationId()));
        assertEquals(1, pending.positions().size());
    }

    @Test
    void anEventIdAlreadyStoredFailsTheFlushAsADuplicate() throws SQLException {
        NewEvent event = Events.opened();
        try (Connection c = EventStoreDatabase.connect()) {
            store.append(c, stream(), 0, List.of(event));
            AppendBatch batch = store.batch();
            String other = stream();
            batch.append(other, 0, List.of(Events.opened()));
            batch.append(stream(), 0, List.of(event));
            assertThrows(DuplicateEventException.class, () -> batch.flush(c));
            assertEquals(0, store.streamVersion(c, other));
        }
    }
}
