package org.newsroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Poor man's profiler for a service process: {@code jcmd <pid> Thread.print} every interval, counting for every
 * RUNNABLE thread its top frame and its topmost frame of our own code. Enough to name where the time goes.
 */
final class StackSampler implements AutoCloseable {

    private final long pid;
    private final String label;
    private final Path out;
    private final Map<String, Integer> topFrames = new HashMap<>();
    private final Map<String, Integer> ownFrames = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int samples;

    StackSampler(long pid, String label, Path out) {
        this.pid = pid;
        this.label = label;
        this.out = out;
        this.thread = new Thread(this::loop, "stack-sampler-" + label);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        while (running) {
            try {
                Process p = new ProcessBuilder(jcmd, Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
                String dump = new String(p.getInputStream().readAllBytes());
                p.waitFor();
                record(dump);
                Thread.sleep(500);
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(String dump) {
        samples++;
        for (String block : dump.split("\n\n")) {
            if (!block.contains("java.lang.Thread.State: RUNNABLE")) {
                continue;
            }
            List<String> frames = block.lines().map(String::strip).filter(l -> l.startsWith("at ")).toList();
            if (frames.isEmpty() || frames.get(0).contains("sun.nio.ch.") || frames.get(0).contains("EPoll")
                    || frames.get(0).contains("socketRead") || frames.get(0).contains("SocketDispatcher")
                    || frames.get(0).contains("waitForReferencePendingList")) {
                continue; // waiting for I/O or for the GC, not using a core
            }
            topFrames.merge(frames.get(0), 1, Integer::sum);
            frames.stream().filter(f -> f.startsWith("at org.newsroom.")).findFirst()
                    .ifPresent(f -> ownFrames.merge(f, 1, Integer::sum));
        }
    }

    /** Stops sampling and writes the counts; returns the report's text. */
    @Override
    public synchronized void close() throws IOException {
        running = false;
        thread.interrupt();
        String report = "# " + label + ": " + samples + " thread dumps of pid " + pid + ", RUNNABLE threads not in I/O\n"
                + "## top frames\n" + top(topFrames) + "## topmost org.newsroom frames\n" + top(ownFrames);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static String top(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .map(e -> String.format("%6d  %s%n", e.getValue(), e.getKey())).collect(Collectors.joining());
    }
}
