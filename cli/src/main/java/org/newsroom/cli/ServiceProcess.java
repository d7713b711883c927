package org.newsroom.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as a child process ({@code java -jar quarkus-run.jar}), with its output in a log file. */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final ProcessBuilder builder;

    private ServiceProcess(String name, int port, Process process, Path log, ProcessBuilder builder) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.builder = builder;
    }

    public static ServiceProcess start(String name, String logName, Path jar, int port, Map<String, String> env,
                                       Path logDir) throws IOException {
        return start(name, logName, jar, port, env, logDir, 0, List.of());
    }

    /**
     * Starts the service; a {@code niceness} above 0 runs it at that lower CPU priority ({@code nice -n}) where the
     * system has {@code nice}, so that on a shared host it yields the processors to the services that answer readers;
     * {@code jvmOptions} go before {@code -jar}.
     */
    public static ServiceProcess start(String name, String logName, Path jar, int port, Map<String, String> env,
                                       Path logDir, int niceness, List<String> jvmOptions) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build first with ./mvnw -DskipTests package");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(logName + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        Path nice = Path.of("/usr/bin/nice");
        if (niceness > 0 && Files.isExecutable(nice)) {
            command.addAll(0, List.of(nice.toString(), "-n", Integer.toString(niceness)));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return new ServiceProcess(name, port, builder.start(), log, builder);
    }

    /** The same service again, on the same port and log, after a crash or stop. */
    ServiceProcess restart() throws IOException {
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ServiceProcess(name, port, builder.start(), log, builder);
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} answers 200. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** Stops the process: politely first (SIGTERM), then forcibly. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the process to end by itself; its exit code, or null if it still runs after {@code timeout}. */
    public Integer awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
