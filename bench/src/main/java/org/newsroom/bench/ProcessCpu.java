package org.newsroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * CPU seconds that processes of this host have used, from {@code /proc/<pid>/stat}: the bench's services, and the
 * PostgreSQL processes behind a connection when the server runs on this host. NaN where {@code /proc} cannot tell.
 */
final class ProcessCpu {

    /** {@code /proc} counts in USER_HZ, which Linux fixes at 100 for user space. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** User and system time of the process so far. */
    static double seconds(long pid) {
        try {
            return seconds(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** User and system time from a {@code stat} line of a process or thread. */
    private static double seconds(String stat) {
        // The command name may hold spaces and parentheses: the fields start after its last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds the JIT's compiler threads ({@code C1 CompilerThread…}, {@code C2 CompilerThread…}) of a JVM have
     * used so far: still growing while the JVM compiles what it runs; NaN where {@code /proc} cannot tell.
     */
    static double compilerSeconds(long pid) {
        Path tasks = Path.of("/proc/" + pid + "/task");
        double total = 0;
        try (var threads = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) threads::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        total += seconds(stat);
                    }
                } catch (IOException | RuntimeException e) {
                    // a thread that ended between the listing and the reading
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return total;
    }

    /**
     * Every process of the PostgreSQL server that {@code c} reaches (its backends, the WAL writer, the checkpointer,
     * …) added up; a backend that exits between two readings takes its time with it.
     */
    static double postgres(Connection c) throws SQLException {
        if (!local(c)) {
            return Double.NaN;
        }
        double total = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity")) {
            while (rs.next()) {
                total += seconds(rs.getLong(1));
            }
        }
        return total;
    }

    /** Whether the server behind {@code c} runs on this host, so that its pids are this host's. */
    static boolean local(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(inet_server_addr() <<= '127.0.0.0/8' OR inet_server_addr() = '::1', true)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The current PostgreSQL backend of {@code c}. */
    static long backend(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The host's CPU time so far, in all and stolen by the hypervisor (the {@code steal} column of {@code /proc/stat}'s
     * first line): time this virtual machine's processes were ready to run while the host ran someone else. Zeros
     * where {@code /proc} cannot tell.
     */
    record HostTicks(long total, long stolen) {
        static HostTicks now() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                // user nice system idle iowait irq softirq steal; guest time is counted in user already.
                for (int i = 1; i <= 8 && i < f.length; i++) {
                    total += Long.parseLong(f[i]);
                }
                return new HostTicks(total, f.length > 8 ? Long.parseLong(f[8]) : 0);
            } catch (IOException | RuntimeException e) {
                return new HostTicks(0, 0);
            }
        }

        /** The share of the host's CPU time since {@code before} that was stolen; NaN if none passed. */
        double stolenSince(HostTicks before) {
            long total = this.total - before.total;
            return total > 0 ? (double) (stolen - before.stolen) / total : Double.NaN;
        }
    }
}
