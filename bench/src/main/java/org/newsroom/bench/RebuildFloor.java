package org.newsroom.bench;

import org.newsroom.events.Checkpoint;
import org.newsroom.events.EventStore;
import org.newsroom.events.RecordedEvent;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What no replay can skip, measured in the same run as the rebuild, with nothing of the projection in it: reading
 * the whole log and decoding its events as the rebuild's reader does ({@link EventStore#readAfter} in batches), and
 * handing PostgreSQL the views' bytes as the rebuild stores them ({@code COPY} in binary format into a table like
 * {@code story_view_chunk}, rolled back). Its cost bounds any rebuild's events/s on this machine from above.
 */
final class RebuildFloor {

    /** One part: its wall time, and the CPU seconds of this thread and of the PostgreSQL backend serving it. */
    record Part(double seconds, double clientCpu, double serverCpu) {
        double cpu() {
            return clientCpu + serverCpu;
        }
    }

    record Result(long events, Part read, long viewBytes, Part write) {
        double coreSeconds() {
            return read.cpu() + write.cpu();
        }

        /** The events/s of a replay that did only this, on {@code cores} cores kept busy all the time. */
        double ceiling(int cores) {
            return events / (coreSeconds() / cores);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RebuildFloor() {
    }

    /**
     * Measures both parts on {@code c}, which must reach a read model that a rebuild has just filled: twice, the
     * first time to warm up (this JVM has not decoded a log before), and reports the second.
     */
    static Result measure(Connection c, EventStore store, int batch) throws SQLException, IOException {
        c.setAutoCommit(false);
        long backend = ProcessCpu.local(c) ? ProcessCpu.backend(c) : -1; // -1: no such process, NaN seconds
        once(c, backend, store, batch);
        return once(c, backend, store, batch);
    }

    private static Result once(Connection c, long backend, EventStore store, int batch)
            throws SQLException, IOException {
        long[] events = {0};
        Part read = timed(backend, () -> {
            Checkpoint checkpoint = Checkpoint.START;
            while (true) {
                List<RecordedEvent> page = store.readAfter(c, checkpoint, batch);
                if (page.isEmpty()) {
                    return;
                }
                events[0] += page.size();
                checkpoint = Checkpoint.at(page.get(page.size() - 1));
            }
        });
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        ByteArrayOutputStream rows = new ByteArrayOutputStream(1 << 20);
        copy.copyOut("COPY story_view_chunk (story_id, chunk_id, text) TO STDOUT (FORMAT binary)", rows);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_floor_chunk (LIKE story_view_chunk INCLUDING ALL)");
        }
        byte[] bytes = rows.toByteArray();
        Part write = timed(backend, () -> {
            try {
                copy.copyIn("COPY bench_floor_chunk (story_id, chunk_id, text) FROM STDIN (FORMAT binary)",
                        new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new SQLException("could not copy the view chunks", e);
            }
        });
        c.rollback();
        return new Result(events[0], read, bytes.length, write);
    }

    private interface Work {
        void run() throws SQLException;
    }

    private static Part timed(long backend, Work work) throws SQLException {
        double server = ProcessCpu.seconds(backend);
        long client = THREADS.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        work.run();
        return new Part((System.nanoTime() - started) / 1e9, (THREADS.getCurrentThreadCpuTime() - client) / 1e9,
                ProcessCpu.seconds(backend) - server);
    }
}
