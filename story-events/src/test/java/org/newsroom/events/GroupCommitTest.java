package org.newsroom.events;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupCommitTest {

    private final EventStore store = new EventStore(new EventCodec());
    private final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    /** Each transaction's state is a batch of appends, flushed by the closing; the opening sets a marker. */
    private GroupCommit<AppendBatch> groups(int maxUnits) {
        return new GroupCommit<>(EventStoreDatabase::connect, c -> {
            c.createStatement().execute("SET LOCAL newsroom.opened = 'yes'");
            return store.batch();
        }, (c, batch) -> batch.flush(c), maxUnits, sizes::add);
    }

    /** An append of one event to a new stream, answering its transaction's id and whether the opening ran first. */
    private GroupCommit.Work<AppendBatch, String> append(String stream, int expectedVersion) {
        return (c, batch) -> {
            store.append(c, stream, expectedVersion, List.of(Events.opened()));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT pg_current_xact_id()::text, current_setting('newsroom.opened', true)");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1) + (rs.getString(2).equals("yes") ? "" : " (not opened)");
            }
        };
    }

    /** Something to do while the units wait, before the transaction that holds them up ends. */
    @FunctionalInterface
    private interface WhileQueued {
        void run() throws Exception;
    }

    /**
     * Holds a transaction open with a unit of its own, hands the works in one after the other, each once the one
     * before is waiting, then lets the transaction end; answers the works' futures in the order given.
     */
    private <T> List<Future<T>> queuedBehindATransaction(GroupCommit<AppendBatch> groups,
                                                          List<GroupCommit.Work<AppendBatch, T>> works,
                                                          WhileQueued whileQueued) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> blocked = callers.submit(() -> groups.run((c, batch) -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new SQLException(e);
            }
            return "blocker";
        }));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        List<Future<T>> futures = new ArrayList<>();
        for (GroupCommit.Work<AppendBatch, T> work : works) {
            futures.add(callers.submit(() -> groups.run(work)));
            awaitWaiting(groups, futures.size());
        }
        whileQueued.run();
        release.countDown();
        assertEquals("blocker", blocked.get(10, TimeUnit.SECONDS));
        return futures;
    }

    private static <T> List<T> outcomes(List<Future<T>> futures) throws Exception {
        List<T> outcomes = new ArrayList<>();
        for (Future<T> f : futures) {
            outcomes.add(f.get(10, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    private void awaitWaiting(GroupCommit<AppendBatch> groups, int units) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (groups.waiting() < units) {
            assertTrue(System.nanoTime() < deadline, "callers never queued");
            Thread.sleep(5);
        }
    }

    private int version(String stream) throws SQLException {
        try (Connection c = EventStoreDatabase.connect()) {
            return store.streamVersion(c, stream);
        }
    }

    private static String stream() {
        return StoryEvent.streamOf(UUID.randomUUID());
    }

    @Test
    void aCallerAloneRunsInATransactionOfItsOwnAfterTheOpening() throws Exception {
        GroupCommit<AppendBatch> groups = groups(16);
        String stream = stream();
        String transaction = groups.run(append(stream, 0));
        assertTrue(transaction.matches("\\d+"), transaction);
        assertEquals(1, version(stream));
        assertEquals(List.of(1), sizes);
    }

    @Test
    void unitsHandedInWhileATransactionRunsCommitTogetherInTheNextOne() throws Exception {
        GroupCommit<AppendBatch> groups = groups(16);
        List<String> streams = List.of(stream(), stream(), stream());
        List<String> transactions = outcomes(queuedBehindATransaction(groups,
                streams.stream().map(s -> append(s, 0)).toList(), () -> {
                    for (String s : streams) {
                        assertEquals(0, version(s), "nothing is visible before its transaction commits");
                    }
                }));
        assertEquals(1, transactions.stream().distinct().count(), "one transaction: " + transactions);
        assertTrue(transactions.get(0).matches("\\d+"), "the opening ran first: " + transactions.get(0));
        for (String s : streams) {
            assertEquals(1, version(s));
        }
        assertEquals(List.of(1, 3), sizes);
    }

    @Test
    void aUnitThatFailsInAGroupFailsAloneAndTheOthersCommit() throws Exception {
        GroupCommit<AppendBatch> groups = groups(16);
        String first = stream();
        String stale = stream();
        String last = stream();
        List<Future<String>> futures = queuedBehindATransaction(groups,
                List.of(append(first, 0), append(stale, 3), append(last, 0)), () -> { });

        ExecutionException failure = assertThrows(ExecutionException.class, () -> futures.get(1).get(10, TimeUnit.SECONDS));
        assertInstanceOf(ConcurrencyConflictException.class, failure.getCause());
        String firstTransaction = futures.get(0).get(10, TimeUnit.SECONDS);
        String lastTransaction = futures.get(2).get(10, TimeUnit.SECONDS);
        assertNotEquals(firstTransaction, lastTransaction, "after a failure each unit ran on its own");
        assertEquals(1, version(first));
        assertEquals(0, version(stale));
        assertEquals(1, version(last));
        assertEquals(List.of(1, 1, 1), sizes, "the blocker, then the two that committed, each alone");
    }

    @Test
    void aTransactionTakesAtMostMaxUnitsAndEveryCallerIsServedInOrder() throws Exception {
        GroupCommit<AppendBatch> groups = groups(2);
        List<String> streams = List.of(stream(), stream(), stream(), stream(), stream());
        List<String> transactions = outcomes(queuedBehindATransaction(groups,
                streams.stream().map(s -> append(s, 0)).toList(), () -> { }));
        assertEquals(List.of(1, 2, 2, 1), sizes);
        assertEquals(transactions.get(0), transactions.get(1));
        assertEquals(transactions.get(2), transactions.get(3));
        assertEquals(3, transactions.stream().distinct().count(), transactions.toString());
        for (String s : streams) {
            assertEquals(1, version(s));
        }
    }

    @Test
    void aUnitSeesTheWritesOfTheUnitsBeforeItInItsGroup() throws Exception {
        GroupCommit<AppendBatch> groups = groups(16);
        String stream = stream();
        // Each reads the stream's version in the transaction and appends at it, as ingest does.
        GroupCommit.Work<AppendBatch, Integer> appendAtTheVersionSeen = (c, batch) -> {
            int at = store.streamVersion(c, stream);
            store.append(c, stream, at, List.of(Events.opened()));
            return at;
        };
        List<Integer> versions = outcomes(queuedBehindATransaction(groups,
                List.of(appendAtTheVersionSeen, appendAtTheVersionSeen, appendAtTheVersionSeen), () -> { }));
        assertEquals(List.of(0, 1, 2), versions);
        assertEquals(3, version(stream));
        assertEquals(List.of(1, 3), sizes);
    }

    @Test
    void unitsThatAppendThroughTheTransactionsBatchAreWrittenByItsClosingAndLearnTheirPositions() throws Exception {
        GroupCommit<AppendBatch> groups = groups(16);
        List<String> streams = List.of(stream(), stream(), stream());
        List<AppendBatch.Pending> appends = outcomes(queuedBehindATransaction(groups, streams.stream()
                .<GroupCommit.Work<AppendBatch, AppendBatch.Pending>>map(
                        s -> (c, batch) -> batch.append(s, 0, List.of(Events.opened()))).toList(), () -> { }));
        List<Long> positions = new ArrayList<>();
        for (AppendBatch.Pending p : appends) {
            positions.addAll(p.positions());
        }
        try (Connection c = EventStoreDatabase.connect()) {
            List<RecordedEvent> stored = store.readPositions(c, positions);
            assertEquals(3, stored.size());
            assertEquals(1, stored.stream().map(RecordedEvent::transactionId).distinct().count());
            for (int i = 0; i < streams.size(); i++) {
                assertEquals(streams.get(i), stored.get(i).streamId());
            }
        }
        assertEquals(List.of(1, 3), sizes);
    }

    @Test
    void maxUnitsBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> groups(0));
        CompletableFuture.runAsync(callers::shutdown);
    }
}
