package org.newsroom.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * Group commit: units of work that callers hand in while a transaction is running are run together in the next
 * transaction, one after the other, and committed once. Each caller still returns only after its own work has
 * committed, so what a caller reports (an article's 201) means the same as with a transaction of its own; a quiet
 * system runs every unit alone, and a busy one pays one transaction's fixed cost for several units.
 *
 * <p>A unit runs after the ones before it in its group and sees their writes, as it would if the transactions ran
 * one after another. When any unit of a group fails, or the group's commit does, the whole transaction is rolled
 * back and every unit of the group is run again in a transaction of its own, so one unit's failure (a concurrency
 * conflict, say) is reported to its caller only and the others commit. Units must therefore be safe to run again
 * after a rollback: they write only to the database, or do their other effects after {@link #run} returns.
 *
 * <p>A transaction has a state of its own, made by the opening and handed to each unit, and a closing that runs
 * after the last unit, before the commit: units can leave writes there for the closing to make in one go (an
 * {@link AppendBatch}, say).
 *
 * <p>One thread at a time leads: it takes up to {@code maxUnits} waiting units, runs the group on a connection of
 * its own, and hands the lead on. The others wait for their unit's outcome, never for a timer.
 */
public final class GroupCommit<S> {

    /** A unit of work on the group's connection, inside its transaction, with the transaction's state. */
    @FunctionalInterface
    public interface Work<S, T> {
        T run(Connection connection, S state) throws SQLException;
    }

    /** Begins every transaction, before its units, and makes its state. */
    @FunctionalInterface
    public interface Opening<S> {
        S open(Connection connection) throws SQLException;
    }

    /** Ends every transaction, after its units and before the commit. */
    @FunctionalInterface
    public interface Closing<S> {
        void close(Connection connection, S state) throws SQLException;
    }

    /** Where the connections for each transaction come from, such as a pool. */
    @FunctionalInterface
    public interface Connections {
        Connection get() throws SQLException;
    }

    private final Connections connections;
    private final Opening<S> opening;
    private final Closing<S> closing;
    private final int maxUnits;
    private final IntConsumer groupSizes;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Condition arrived = lock.newCondition();
    /** Units of the last transaction: the callers that were busy then and may be about to hand in more. */
    private int lastGroup;
    private final ArrayDeque<Unit<?>> waiting = new ArrayDeque<>();
    private boolean leading;

    /**
     * @param opening    run first in every transaction, before its units (such as taking a lock they all need)
     * @param closing    run last in every transaction, before it commits
     * @param maxUnits   at most this many units to a transaction; 1 gives each unit a transaction of its own
     * @param groupSizes told the number of units of each transaction that commits
     */
    public GroupCommit(Connections connections, Opening<S> opening, Closing<S> closing, int maxUnits,
                       IntConsumer groupSizes) {
        if (maxUnits < 1) {
            throw new IllegalArgumentException("maxUnits must be at least 1, not " + maxUnits);
        }
        this.connections = connections;
        this.opening = opening;
        this.closing = closing;
        this.maxUnits = maxUnits;
        this.groupSizes = groupSizes;
    }

    /** Runs the work in a transaction, alone or with others', and returns its result once that has committed. */
    public <T> T run(Work<S, T> work) throws SQLException {
        Unit<T> unit = new Unit<>(work);
        boolean interrupted = false;
        try {
            while (true) {
                List<Unit<?>> group;
                lock.lock();
                try {
                    if (!unit.queued) {
                        waiting.add(unit);
                        unit.queued = true;
                        arrived.signal();
                    }
                    while (leading && !unit.done) {
                        try {
                            changed.await();
                        } catch (InterruptedException e) {
                            interrupted = true;
                            // A unit nobody has taken yet is withdrawn; one that is running has to be waited for.
                            if (waiting.remove(unit)) {
                                throw new SQLException("interrupted while waiting to run in a transaction", e);
                            }
                        }
                    }
                    if (unit.done) {
                        return unit.outcome();
                    }
                    leading = true;
                    gather();
                    group = new ArrayList<>(Math.min(maxUnits, waiting.size()));
                    while (group.size() < maxUnits && !waiting.isEmpty()) {
                        group.add(waiting.poll());
                    }
                } finally {
                    lock.unlock();
                }
                try {
                    runGroup(group);
                } finally {
                    lock.lock();
                    try {
                        lastGroup = group.size();
                        leading = false;
                        changed.signalAll();
                    } finally {
                        lock.unlock();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits a moment, as PostgreSQL's {@code commit_delay} does, for the callers of the last transaction to hand in
     * their next units, when it had more than one and fewer are waiting now: without it, the callers of one
     * transaction miss the next and groups alternate between large and small. A caller alone never waits. Called
     * with the lock held.
     */
    private void gather() {
        long remaining = GATHER_NANOS;
        while (lastGroup > 1 && waiting.size() < Math.min(lastGroup, maxUnits) && remaining > 0) {
            try {
                remaining = arrived.awaitNanos(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The longest a leader waits for more units before it begins a transaction. */
    static final long GATHER_NANOS = 200_000;

    /** How many units are waiting for a transaction to take them. */
    public int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    private void runGroup(List<Unit<?>> group) {
        if (group.size() > 1) {
            List<Object> results = null;
            try {
                results = transaction(group);
            } catch (Throwable e) {
                // Every unit again on its own, below: only the one that fails reports it.
            }
            if (results != null) {
                committed(group, results);
                return;
            }
        }
        for (Unit<?> unit : group) {
            List<Object> results;
            try {
                results = transaction(List.of(unit));
            } catch (Throwable e) {
                unit.fail(e);
                continue;
            }
            committed(List.of(unit), results);
        }
    }

    /** Hands a committed transaction's results to its callers; nothing here may make it run again. */
    private void committed(List<Unit<?>> units, List<Object> results) {
        for (int i = 0; i < units.size(); i++) {
            units.get(i).succeed(results.get(i));
        }
        try {
            groupSizes.accept(units.size());
        } catch (RuntimeException e) {
            // A listener's failure is not the transaction's: it has committed.
        }
    }

    private List<Object> transaction(List<Unit<?>> units) throws SQLException {
        try (Connection c = connections.get()) {
            c.setAutoCommit(false);
            try {
                S state = opening.open(c);
                List<Object> results = new ArrayList<>(units.size());
                for (Unit<?> unit : units) {
                    results.add(unit.work.run(c, state));
                }
                closing.close(c, state);
                c.commit();
                return results;
            } catch (Throwable e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    /** One caller's work and, once its transaction has ended, its outcome; guarded by the lock. */
    private final class Unit<T> {
        final Work<S, T> work;
        boolean queued;
        boolean done;
        Object result;
        Throwable failure;

        Unit(Work<S, T> work) {
            this.work = work;
        }

        void succeed(Object value) {
            finish(value, null);
        }

        void fail(Throwable e) {
            finish(null, e);
        }

        private void finish(Object value, Throwable e) {
            lock.lock();
            try {
                result = value;
                failure = e;
                done = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @SuppressWarnings("unchecked")
        T outcome() throws SQLException {
            if (failure instanceof SQLException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return (T) result;
        }
    }
}
