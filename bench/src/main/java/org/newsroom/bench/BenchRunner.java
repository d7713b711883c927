package org.newsroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.newsroom.cli.NewsroomStack;
import org.newsroom.cli.ServiceProcess;
import org.newsroom.events.AppendBatch;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventStore;
import org.newsroom.events.NewEvent;
import org.newsroom.events.StoryEvent;
import org.newsroom.text.AnalyzedArticle;
import org.newsroom.text.ArticleAnalyzer;
import org.newsroom.text.ArticleInput;
import org.newsroom.text.IngestStagesBenchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * bench/run: measures what the README's Benchmarks section lists, prints a table and, as the last line, one JSON
 * object. Progress goes to stderr, the table and the JSON to stdout.
 */
public final class BenchRunner {

    /** The query service's default {@code newsroom.rebuild.batch-size}: the floor reads the log as a rebuild does. */
    private static final int REBUILD_BATCH = 1000;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** The rows of the benchmark issue's yardstick statement. */
    private static final int YARDSTICK_ROWS = 200_000;

    /** How long a scaling measurement waits for the projector to drain the backlog of the load before it. */
    private static final Duration SCALING_DRAIN = Duration.ofSeconds(60);

    private final Settings settings;
    private final Path home;
    private final Path workDir;
    private final boolean profile;
    private final Report report = new Report();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Double> stageMillis = new HashMap<>();
    private double appendMillisPerArticle = Double.NaN;
    private double singlePostMillis = Double.NaN;
    private Set<String> only;

    private BenchRunner(Settings settings, Path home, boolean profile) {
        this.settings = settings;
        this.home = home;
        this.workDir = home.resolve("bench/target/run");
        this.profile = profile;
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        boolean quick = options.contains("--quick");
        Path home = Path.of(System.getProperty("newsroom.home", ".")).toAbsolutePath().normalize();
        Settings settings = Settings.of(quick);
        Optional<String> runs = options.stream().filter(o -> o.startsWith("--runs=")).findFirst();
        if (runs.isPresent()) {
            settings = settings.withRuns(Integer.parseInt(runs.get().substring("--runs=".length())));
        }
        BenchRunner runner = new BenchRunner(settings, home, options.contains("--profile"));
        options.stream().filter(o -> o.startsWith("--only=")).findFirst()
                .ifPresent(o -> runner.only = Set.of(o.substring("--only=".length()).split(",")));
        String started = DateTimeFormatter.ISO_INSTANT.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0));
        try {
            runner.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // worker threads of the load generators must not keep a failed run alive
        }
        System.out.print(runner.report.table());
        if (!quick && runner.only == null) {
            // Only a full run of every part stands for the figures; --only looks at a few.
            runner.writeMarkdown(started, "bench/run " + String.join(" ", args));
        }
        System.out.println(runner.report.json());
        System.out.flush();
        System.exit(0);
    }

    /** What --only=part,part asks for (stages, append, rebuild, query, ingest): a quicker look at a few figures. */
    private boolean wanted(String part) {
        return only == null || only.contains(part);
    }

    private void run() throws Exception {
        ProcessCpu.HostTicks started = ProcessCpu.HostTicks.now();
        java.util.Map<String, Double> stolen = new java.util.LinkedHashMap<>();
        Files.createDirectories(workDir);
        report.detail("mode: " + (settings.quick() ? "--quick (" + settings.runs() + " run per figure, "
                + settings.rebuildEvents() + " events for the rebuild)" : "full (median of " + settings.runs() + " runs)"));
        if (wanted("stages")) {
            stages();
        }
        progress("starting PostgreSQL and both services");
        NewsroomStack stack = NewsroomStack.start(home, 0, 0, true);
        AtomicBoolean closed = new AtomicBoolean();
        Runnable close = () -> {
            if (closed.compareAndSet(false, true)) {
                stack.close();
            }
        };
        Thread hook = new Thread(close, "bench-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            report.detail("database: " + (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null
                    ? "embedded PostgreSQL (fsync off, wal_level minimal)"
                    : "a fresh database on " + System.getenv("QUARKUS_DATASOURCE_JDBC_URL")));
            Seeds seeds = new Seeds(home.resolve("seeds"), mapper);
            IngestLoad seeding = new IngestLoad(mapper, seeds, stack.ingest().url(), stack.query().url(), stack.ingestKey());
            UUID seedStory = null;
            for (var seed : seeds.originals()) {
                seedStory = seeding.post(mapper.writeValueAsString(seed)).storyId();
            }
            EventStore store = new EventStore(new EventCodec());
            SyntheticEvents synthetic;
            try (Connection c = stack.database().connect()) {
                synthetic = SyntheticEvents.from(store.readStream(c, StoryEvent.streamOf(seedStory)));
            }
            if (wanted("append")) {
                ProcessCpu.HostTicks before = ProcessCpu.HostTicks.now();
                append(stack, synthetic);
                stolen.put("append", ProcessCpu.HostTicks.now().stolenSince(before));
            }
            if (wanted("rebuild") || wanted("query")) {
                UUID queryStory = corpus(stack, store, synthetic, seeding);
                if (wanted("rebuild")) {
                    ProcessCpu.HostTicks before = ProcessCpu.HostTicks.now();
                    rebuild(stack, store);
                    stolen.put("rebuild", ProcessCpu.HostTicks.now().stolenSince(before));
                }
                if (wanted("query")) {
                    ProcessCpu.HostTicks before = ProcessCpu.HostTicks.now();
                    query(stack, queryStory);
                    stolen.put("query", ProcessCpu.HostTicks.now().stolenSince(before));
                }
            }
            if (wanted("ingest")) {
                ProcessCpu.HostTicks before = ProcessCpu.HostTicks.now();
                ingest(stack, new IngestLoad(mapper, seeds, stack.ingest().url(), stack.query().url(),
                        stack.ingestKey()), seedStory);
                stolen.put("ingest", ProcessCpu.HostTicks.now().stolenSince(before));
            }
            stolen.put("whole run", ProcessCpu.HostTicks.now().stolenSince(started));
            report.detail("CPU stolen by the hypervisor (/proc/stat steal, share of the host's CPU time): "
                    + stolen.entrySet().stream().map(e -> String.format("%s %.1f%%", e.getKey(), 100 * e.getValue()))
                    .collect(java.util.stream.Collectors.joining(", "))
                    + "; time this virtual machine was ready to run while its host ran something else");
            if (wanted("stages")) {
                breakdown();
            }
            memory(stack.ingest());
            memory(stack.query());
            progress("stopping");
        } finally {
            close.run();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    /** JMH over the seeds: the in-process pieces of an article's ingest and the extractor's sentences/s. */
    private void stages() throws Exception {
        progress("JMH: ingest pieces in-process over the seeds");
        Path seeds = home.resolve("seeds");
        List<ArticleInput> inputs = IngestStagesBenchmark.seeds(seeds);
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        int sentences = 0;
        for (ArticleInput input : inputs) {
            AnalyzedArticle a = analyzer.analyze(input);
            sentences += a.sentences().size();
        }
        var options = new OptionsBuilder()
                .include(IngestStagesBenchmark.class.getName())
                .forks(1)
                .warmupIterations(settings.jmhWarmups()).warmupTime(TimeValue.seconds(settings.jmhSeconds()))
                .measurementIterations(settings.jmhIterations()).measurementTime(TimeValue.seconds(settings.jmhSeconds()))
                .jvmArgsAppend("-Xmx1g", "-Dnewsroom.seeds=" + seeds)
                .output(workDir.resolve("jmh.txt").toString())
                .build();
        for (RunResult r : new Runner(options).run()) {
            String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            stageMillis.put(method, r.getPrimaryResult().getScore());
        }
        double perArticle = stageMillis.get("analysis");
        report.detail(String.format("extractor: %.0f sentences/s (ArticleAnalyzer over the %d seeds, %d sentences, "
                + "%.1f ms per article; JMH log in bench/target/run/jmh.txt)",
                sentences / (perArticle * inputs.size() / 1000), inputs.size(), sentences, perArticle));
        viewBuild(seeds);
    }

    /**
     * JMH: what the live projector does per batch of the lag measurement's story, in process and on one thread: the
     * view of a story of 1,000 seed variants built, written and cut into chunks. About half of an article's lag is
     * the batch before it, half its own.
     */
    private void viewBuild(Path seeds) throws Exception {
        progress("JMH: the projector's build of a 1,000-article story in-process");
        var options = new OptionsBuilder()
                .include(ViewBuildBenchmark.class.getName())
                .forks(1)
                .warmupIterations(settings.jmhWarmups()).warmupTime(TimeValue.seconds(settings.jmhSeconds()))
                .measurementIterations(settings.jmhIterations()).measurementTime(TimeValue.seconds(settings.jmhSeconds()))
                // the heap settings the query service runs with
                .jvmArgsAppend(Stream.concat(NewsroomStack.QUERY_JVM_OPTIONS.stream(),
                        Stream.of("-Xmx2g", "-Dnewsroom.seeds=" + seeds)).toArray(String[]::new))
                .output(workDir.resolve("jmh-view.txt").toString())
                .build();
        for (RunResult r : new Runner(options).run()) {
            report.detail(String.format("view build: %.1f ms for a story of %s seed variants, one more article each "
                            + "time (JMH, one thread: built, written as JSON, cut into chunks; log in "
                            + "bench/target/run/jmh-view.txt)", r.getPrimaryResult().getScore(),
                    r.getParams().getParam("articles")));
        }
    }

    private void append(NewsroomStack stack, SyntheticEvents synthetic) throws Exception {
        progress("append: EventStore.append vs plain JDBC batch INSERT");
        String name = "newsroom_bench_append_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = stack.database().connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String url = stack.database().jdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        try {
            AppendBenchmark bench = new AppendBenchmark(url, stack.database().username(), stack.database().password(),
                    synthetic);
            bench.migrate();
            bench.round(settings.appendEvents() / 2);
            List<Double> ratios = new ArrayList<>();
            List<Double> store = new ArrayList<>();
            List<Double> jdbc = new ArrayList<>();
            List<Double> perArticle = new ArrayList<>();
            List<Double> jdbcByArticle = new ArrayList<>();
            List<Double> alone = new ArrayList<>();
            List<Double> grouped = new ArrayList<>();
            for (int i = 0; i < settings.appendRounds(); i++) {
                AppendBenchmark.Round round = bench.round(settings.appendEvents());
                ratios.add(round.ratio());
                store.add(round.storeEventsPerSecond());
                jdbc.add(round.jdbcEventsPerSecond());
                perArticle.add(round.appendMillisPerArticle());
                jdbcByArticle.add(round.jdbcPerArticleEventsPerSecond());
                alone.add(round.storeAloneEventsPerSecond());
                grouped.add(round.articlesPerTransaction());
            }
            report.put("append_ratio", Stats.median(ratios));
            appendMillisPerArticle = Stats.median(perArticle);
            report.detail(String.format("append: store %.0f events/s (%d callers through the ingest's group commit, "
                    + "%.1f articles per transaction), plain JDBC batch (%d rows per batch and transaction) %.0f "
                    + "events/s; medians of %d rounds of %d events", Stats.median(store), AppendBenchmark.CALLERS,
                    Stats.median(grouped), AppendBenchmark.JDBC_BATCH_ROWS, Stats.median(jdbc),
                    settings.appendRounds(), settings.appendEvents()));
            report.detail(String.format("append: store with one caller, every article in a transaction of its own as "
                    + "on a quiet ingest: %.0f events/s, %.2f ms per article append", Stats.median(alone),
                    appendMillisPerArticle));
            report.detail(String.format("append: plain JDBC batch with one article's rows per batch and transaction, "
                    + "as a quiet store commits them (not the ratio's denominator): %.0f events/s, %.2f of the "
                    + "one-caller store's figure", Stats.median(jdbcByArticle),
                    Stats.median(jdbcByArticle) / Stats.median(alone)));
            bench.generateSeries(YARDSTICK_ROWS / 10); // warms the table and the statement up, not counted
            report.detail(String.format("machine yardstick: INSERT ... SELECT generate_series of %,d event-sized rows "
                    + "(500-byte JSON each) ran at %.0f rows/s here; the benchmark issue measured about 150,000 rows/s "
                    + "on the machine its goals were set on", YARDSTICK_ROWS, bench.generateSeries(YARDSTICK_ROWS)));
        } finally {
            try (Connection c = stack.database().connect(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /** Articles appended per transaction while the corpus is written. */
    private static final int CORPUS_ARTICLES_PER_TRANSACTION = 64;
    /** The longest stretch of the log, as a share of it, over which one story's articles arrive. */
    private static final double CORPUS_STORY_SPAN = 0.1;

    /** One article of the corpus: its story and when it arrives, as a share of the log's length. */
    private record Arrival(UUID story, double at) {
    }

    /**
     * Appends the rebuild corpus straight through the store while the query service is stopped: one story of exactly
     * the query benchmark's size, then stories of 1 to 40 articles (most of them small) until the target number of
     * events is reached. As a live ingest writes them, stories run at the same time: each story's articles arrive
     * over a stretch of up to a tenth of the log, between other stories' articles, each article's events in one
     * append, several articles per transaction. The query service then starts with all of it waiting; the rebuild is
     * measured once it has caught up (a rebuild asked for while the projector is inside a long batch answers 409).
     */
    private UUID corpus(NewsroomStack stack, EventStore store, SyntheticEvents synthetic, IngestLoad probe)
            throws Exception {
        progress("corpus: appending " + settings.rebuildEvents() + " synthetic events through EventStore "
                + "(query service stopped meanwhile)");
        stack.query().close();
        Random random = new Random(42);
        UUID queryStory = UUID.randomUUID();
        List<Arrival> arrivals = new ArrayList<>();
        long planned = 0;
        int stories = 0;
        UUID story = queryStory;
        int size = settings.queryStoryArticles();
        while (planned < settings.rebuildEvents()) {
            double start = random.nextDouble();
            double span = random.nextDouble() * CORPUS_STORY_SPAN;
            for (int i = 0; i < size; i++) {
                arrivals.add(new Arrival(story, start + span * random.nextDouble()));
            }
            planned += 3L * size + 1;
            stories++;
            story = UUID.randomUUID();
            size = 1 + (int) (Math.pow(random.nextDouble(), 2) * 40);
        }
        arrivals.sort(Comparator.comparingDouble(Arrival::at));
        long started = System.nanoTime();
        long events = 0;
        int batches = 0;
        long head;
        try (Connection c = stack.database().connect()) {
            c.setAutoCommit(false);
            Map<UUID, Integer> versions = new HashMap<>();
            AppendBatch batch = store.batch();
            for (int i = 0; i < arrivals.size(); i++) {
                UUID s = arrivals.get(i).story();
                Integer version = versions.get(s);
                List<NewEvent> article = synthetic.article(s, version == null);
                int at = version == null ? 0 : version;
                batch.append(StoryEvent.streamOf(s), at, article);
                versions.put(s, at + article.size());
                events += article.size();
                if ((i + 1) % CORPUS_ARTICLES_PER_TRANSACTION == 0 || i == arrivals.size() - 1) {
                    batch.flush(c);
                    c.commit();
                    batches++;
                }
            }
            head = store.headPosition(c);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int readBatches = (int) Math.ceil(events / (double) REBUILD_BATCH);
        long spanning = arrivals.stream().collect(Collectors.groupingBy(Arrival::story,
                        Collectors.mapping(a -> (int) (a.at() * readBatches), Collectors.toSet())))
                .values().stream().filter(b -> b.size() > 1).count();
        report.detail(String.format("corpus: %d events in %d stories (one of %d articles, the others 1-40, mean %.1f), "
                        + "each story's articles over up to %.0f%% of the log between other stories' articles "
                        + "(about %d stories have articles in more than one of the rebuild's batches of %d events), "
                        + "appended in %.1f s (%.0f events/s, %d transactions of %d articles)", events, stories,
                settings.queryStoryArticles(), (events / 3.0 - settings.queryStoryArticles()) / Math.max(1, stories - 1),
                CORPUS_STORY_SPAN * 100, spanning, REBUILD_BATCH, seconds, events / seconds, batches,
                CORPUS_ARTICLES_PER_TRANSACTION));
        stack.restart(stack.query()).awaitReady(Duration.ofMinutes(3));
        progress("corpus: waiting for the query service to project it (up to position " + head + ")");
        long waitStarted = System.nanoTime();
        long deadline = waitStarted + settings.catchUpTimeout().toNanos();
        while (probe.projected() < head) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the query service did not project the corpus within "
                        + settings.catchUpTimeout() + " (at " + probe.projected() + " of " + head + ")");
            }
            Thread.sleep(500);
        }
        double projecting = (System.nanoTime() - waitStarted) / 1e9;
        report.detail(String.format("live projection of the corpus after the restart: %.1f s (%.0f events/s)",
                projecting, events / projecting));
        return queryStory;
    }

    private static java.net.http.HttpClient http() {
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    }

    private void query(NewsroomStack stack, UUID story) throws Exception {
        progress("query: GET /stories/{id} vs GET /q/health/live, concurrency " + settings.queryConcurrency());
        URI storyUri = URI.create(stack.query().url() + "/stories/" + story);
        URI trivialUri = URI.create(stack.query().url() + "/q/health/live");
        HttpResponse<String> sample = http().send(HttpRequest.newBuilder(storyUri).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode view = mapper.readTree(sample.body());
        HttpResponse<byte[]> zipped = http().send(HttpRequest.newBuilder(storyUri).header("Accept-Encoding", "gzip")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        LoadGenerator load = new LoadGenerator(settings.queryConcurrency());
        List<Double> ratios = new ArrayList<>();
        List<Double> storyRates = new ArrayList<>();
        List<Double> trivialRates = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> trivialP99 = new ArrayList<>();
        Sampler sampler = sampler(stack.query(), "query");
        try {
            warmUp(stack, load, List.of(trivialUri, storyUri));
            for (int i = 0; i < settings.runs(); i++) {
                // Both as a browser or an HTTP library asks: compressed answers welcome.
                LoadGenerator.Result trivial = load.run(() -> HttpRequest.newBuilder(trivialUri)
                                .header("Accept-Encoding", "gzip").build(),
                        settings.queryWarmup(), settings.queryMeasure(), stack.query().pid());
                LoadGenerator.Result storyResult = load.run(() -> HttpRequest.newBuilder(storyUri)
                                .header("Accept-Encoding", "gzip").build(),
                        settings.queryWarmup(), settings.queryMeasure(), stack.query().pid());
                // Where the cores went, per request: the two share them with this load generator.
                report.detail(String.format("query run %d: CPU per request %.1f µs in the query service and %.1f µs "
                                + "in this load generator for the story, %.1f and %.1f µs for /q/health/live",
                        i + 1, storyResult.serverMicrosPerRequest(), storyResult.clientMicrosPerRequest(),
                        trivial.serverMicrosPerRequest(), trivial.clientMicrosPerRequest()));
                ratios.add(storyResult.perSecond() / trivial.perSecond());
                storyRates.add(storyResult.perSecond());
                trivialRates.add(trivial.perSecond());
                p99.add(storyResult.p99Millis());
                trivialP99.add(trivial.p99Millis());
                if (storyResult.errors() + trivial.errors() > 0) {
                    report.detail("query: " + storyResult.errors() + " story and " + trivial.errors()
                            + " trivial requests failed in run " + (i + 1));
                }
            }
        } finally {
            sampler.close();
        }
        report.put("query_ratio", Stats.median(ratios));
        report.put("query_p99_ms", Stats.median(p99));
        report.detail(String.format("query: story %.0f req/s (p99 %.1f ms, %d articles, %d claims, %d KiB body, "
                        + "%d KiB gzipped), "
                        + "/q/health/live %.0f req/s (p99 %.1f ms); each endpoint warmed up %ds before each "
                        + "measured phase of %ds",
                Stats.median(storyRates), Stats.median(p99), view.path("articles").size(), view.path("claims").size(),
                sample.body().length() / 1024, zipped.body().length / 1024, Stats.median(trivialRates), Stats.median(trivialP99),
                settings.queryWarmup().toSeconds(), settings.queryMeasure().toSeconds()));
    }

    /**
     * Both endpoints in turn, untimed, until the query service's JIT has compiled what they run: the compiler threads
     * used under a tenth of a core over the last turn (or a minute has passed). With a fixed warm-up of one endpoint,
     * a quick run's only run took 332-613 µs of service CPU per request where warm ones took 40-140: the compiler
     * threads were still using 0.3 of a core half a minute into the load.
     */
    private void warmUp(NewsroomStack stack, LoadGenerator load, List<URI> uris) throws InterruptedException {
        long pid = stack.query().pid();
        long started = System.nanoTime();
        double compiled = ProcessCpu.compilerSeconds(pid);
        double first = compiled;
        Duration turn = Duration.ofSeconds(2);
        double lastShare;
        do {
            long turnStarted = System.nanoTime();
            for (URI uri : uris) {
                load.phase(() -> HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(), turn);
            }
            double now = ProcessCpu.compilerSeconds(pid);
            lastShare = (now - compiled) / ((System.nanoTime() - turnStarted) / 1e9);
            compiled = now;
        } while (!(lastShare < 0.1) && System.nanoTime() - started < Duration.ofMinutes(1).toNanos()
                && !Double.isNaN(lastShare));
        report.detail(String.format("query warm-up: both endpoints in turn for %.0f s, until the JIT's compiler "
                        + "threads used %.2f of a core (%.1f s of compiling in all)",
                (System.nanoTime() - started) / 1e9, lastShare, compiled - first));
    }

    private void rebuild(NewsroomStack stack, EventStore store) throws Exception {
        progress("rebuild: POST /admin/rebuild, to warm up, then " + settings.runs() + " times measured");
        List<Double> rates = new ArrayList<>();
        List<Double> serverRates = new ArrayList<>();
        long events = 0;
        Sampler sampler = sampler(stack.query(), "rebuild");
        try (Connection cpu = stack.database().connect()) {
            // Rebuilds first, not counted: the JIT compiles the replay's code while they run, as it would have long
            // before on a service that has been up for a while. Counted per thread, the C2 compiler threads took
            // 11.8, 5.5, 4.2, 4.1 and 1.9 s of CPU in five rebuilds of 100,000 events in a row, against 6-7 s for the
            // builders: after two warm-ups the measured runs still paid for compiling.
            int warmups = settings.quick() ? 2 : 4;
            for (int i = -warmups; i < settings.runs(); i++) {
                double serviceCpu = ProcessCpu.seconds(stack.query().pid());
                double databaseCpu = ProcessCpu.postgres(cpu);
                long started = System.nanoTime();
                HttpResponse<String> r = http().send(HttpRequest.newBuilder(URI.create(stack.query().url() + "/admin/rebuild"))
                        .header("Authorization", "Bearer " + stack.adminKey())
                        .timeout(Duration.ofHours(1))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                double seconds = (System.nanoTime() - started) / 1e9;
                serviceCpu = ProcessCpu.seconds(stack.query().pid()) - serviceCpu;
                databaseCpu = ProcessCpu.postgres(cpu) - databaseCpu;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("POST /admin/rebuild answered " + r.statusCode() + ": " + r.body());
                }
                JsonNode body = mapper.readTree(r.body());
                events = body.path("events").asLong();
                vacuumReadModel(stack);
                if (i < 0) {
                    report.detail(String.format("rebuild warm-up (not counted): %.0f events/s", events / seconds));
                    continue;
                }
                rates.add(events / seconds);
                serverRates.add(body.path("eventsPerSecond").asDouble());
                report.detail(String.format("rebuild run %d: starting (fresh tables, each story's last article "
                                + "found) %d ms, waiting for events read %d ms, projecting (applying, building views, "
                                + "their chunks copied in) %d ms, writing the rows and swapping the tables in %d ms, "
                                + "the rest (the commit) %d ms; %d story views built; CPU %.1f s in the query service "
                                + "and %.1f s in PostgreSQL over %.1f s",
                        rates.size(), body.path("startMillis").asLong(), body.path("readMillis").asLong(),
                        body.path("projectMillis").asLong(), body.path("writeMillis").asLong(),
                        body.path("millis").asLong() - body.path("startMillis").asLong()
                                - body.path("readMillis").asLong() - body.path("projectMillis").asLong()
                                - body.path("writeMillis").asLong(),
                        body.path("views").asLong(), serviceCpu, databaseCpu, seconds));
            }
            floor(cpu, store);
        } finally {
            sampler.close();
        }
        report.put("rebuild_events_per_s", Stats.median(rates));
        report.detail("rebuild runs (events/s): " + rates.stream().map(Report::format).toList());
        report.detail(String.format("rebuild: %d events, %.0f events/s by the client's clock (%.0f by the service's "
                + "own figure); the read model vacuumed after each run, untimed%s", events, Stats.median(rates),
                Stats.median(serverRates),
                settings.quick() ? "; --quick uses " + settings.rebuildEvents() + " events, not 100,000" : ""));
    }

    /** What moving the rebuild's data costs by itself here, with the read model the last rebuild left. */
    private void floor(Connection c, EventStore store) throws Exception {
        progress("rebuild floor: the log read and decoded, the views copied in, nothing projected");
        RebuildFloor.Result floor = RebuildFloor.measure(c, store, REBUILD_BATCH);
        RebuildFloor.Part read = floor.read();
        RebuildFloor.Part write = floor.write();
        report.detail(String.format("rebuild floor: reading and decoding the %d events took %.2f s (CPU: %.2f s here, "
                        + "%.2f s in PostgreSQL); COPY of the views' %d MB took %.2f s (CPU: %.2f s here, %.2f s in "
                        + "PostgreSQL); %.1f core-seconds in all, so no replay exceeds %.0f events/s on %d cores even "
                        + "if building the views cost nothing", floor.events(), read.seconds(), read.clientCpu(),
                read.serverCpu(), floor.viewBytes() >> 20, write.seconds(), write.clientCpu(), write.serverCpu(),
                floor.coreSeconds(), floor.ceiling(CORES), CORES));
    }

    /**
     * A rebuild leaves the old read model behind as dead rows, which autovacuum clears in its own time: between two
     * rebuilds of a real service there is plenty of it, between two runs here there is none. Not timed.
     */
    private static void vacuumReadModel(NewsroomStack stack) throws SQLException {
        try (Connection c = stack.database().connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM story_view_chunk, story_view, article_view");
        }
    }

    private void ingest(NewsroomStack stack, IngestLoad ingest, UUID seedStory) throws Exception {
        int articles = new Seeds(home.resolve("seeds"), mapper).originals().size();
        progress("ingest: filling the seed story to " + settings.smallStory() + " articles");
        List<IngestLoad.Posted> filled = ingest.postVariants(settings.smallStory() - articles, 1);
        articles += count(filled, seedStory);
        // Warmed up before it is timed, as the big story's figure is: the services have just started, and posted one
        // at a time the first articles through them took 100-200 ms, and 50-80 ms only after about 200.
        progress("ingest: warm-up of " + settings.scalingWarmup() + " articles in a story of their own (the seeds' "
                + "variants, dated a year later)");
        List<IngestLoad.Posted> warm = ingest.postYearLaterVariants(settings.scalingWarmup(),
                settings.ingestConcurrency());
        long warmJoined = warm.stream().filter(p -> p.storyId().equals(seedStory)).count();
        report.detail(String.format("scaling: measured after a warm-up of %d articles, published a year after the seeds"
                + " (%d stories of their own, %d joined the seed story)", warm.size(),
                warm.stream().map(IngestLoad.Posted::storyId).filter(id -> !id.equals(seedStory)).distinct().count(),
                warmJoined));
        articles += (int) warmJoined;
        progress("scaling: " + settings.scalingSamples() + " sequential articles joining a " + articles + "-article story");
        List<Double> small = sequential(ingest, settings.scalingSamples(), seedStory, last(warm, filled));
        articles += small.size();
        singlePostMillis = Stats.median(small);

        progress("ingest: warm-up, then the story grows to " + settings.bigStory() + " articles at concurrency "
                + settings.ingestConcurrency());
        articles += count(ingest.postVariants(settings.ingestWarmup(), settings.ingestConcurrency()), seedStory);
        int window = (settings.bigStory() - articles) / settings.runs();
        List<Double> rates = new ArrayList<>();
        ingest.startLag(seedStory);
        Sampler sampler = sampler(stack.ingest(), "ingest");
        try (Connection cpu = stack.database().connect()) {
            for (int i = 0; i < settings.runs(); i++) {
                double ingestCpu = ProcessCpu.seconds(stack.ingest().pid());
                double queryCpu = ProcessCpu.seconds(stack.query().pid());
                double databaseCpu = ProcessCpu.postgres(cpu);
                double benchCpu = ProcessCpu.seconds(ProcessHandle.current().pid());
                long started = System.nanoTime();
                articles += count(ingest.postVariants(window, settings.ingestConcurrency()), seedStory);
                double seconds = (System.nanoTime() - started) / 1e9;
                ingestCpu = ProcessCpu.seconds(stack.ingest().pid()) - ingestCpu;
                queryCpu = ProcessCpu.seconds(stack.query().pid()) - queryCpu;
                databaseCpu = ProcessCpu.postgres(cpu) - databaseCpu;
                benchCpu = ProcessCpu.seconds(ProcessHandle.current().pid()) - benchCpu;
                double rate = window / seconds;
                rates.add(rate);
                // Where the cores went, per article: the rate is bounded by their sum.
                report.detail(String.format("ingest window %d: %d articles at %.1f articles/s, story now %d articles; "
                                + "CPU per article: %.1f ms in the ingest service, %.1f ms in the query service, %.1f ms "
                                + "in PostgreSQL, %.1f ms in this load generator and lag watcher (%.0f%% of the %d cores "
                                + "busy)", i + 1, window, rate, articles, ingestCpu * 1000 / window,
                        queryCpu * 1000 / window, databaseCpu * 1000 / window, benchCpu * 1000 / window,
                        100 * (ingestCpu + queryCpu + databaseCpu + benchCpu) / (seconds * CORES), CORES));
            }
        } finally {
            sampler.close();
        }
        Histogram lag = ingest.stopLag(Duration.ofSeconds(30));
        report.put("ingest_articles_per_s", Stats.median(rates));
        report.put("lag_p99_ms", lag.getValueAtPercentile(99) / 1000.0);
        report.detail(String.format("lag: %d articles, p50 %.0f ms, p99 %.0f ms, max %.0f ms, %d still not visible "
                        + "30 s after the load (counted with their wait so far); seen on the story's live stream", lag.getTotalCount(),
                lag.getValueAtPercentile(50) / 1000.0, lag.getValueAtPercentile(99) / 1000.0, lag.getMaxValue() / 1000.0,
                ingest.lagTimeouts()));
        List<IngestLoad.Posted> rest = ingest.postVariants(Math.max(1, settings.bigStory() - articles),
                settings.ingestConcurrency());
        articles += count(rest, seedStory);
        progress("scaling: " + settings.scalingSamples() + " sequential articles joining a " + articles + "-article story");
        progress("scaling: waiting for the query service to catch up first");
        IngestLoad.Posted last = rest.stream().max(java.util.Comparator.comparingLong(IngestLoad.Posted::position)).orElseThrow();
        List<Double> big = sequential(ingest, settings.scalingSamples(), seedStory, last);
        report.put("scaling_1000_vs_10", Stats.median(big) / singlePostMillis);
        report.detail(String.format("scaling: median POST /articles %.0f ms joining a %d-article story, %.0f ms "
                + "joining a %d-article story (concurrency 1, %d articles each)", Stats.median(big), articles,
                singlePostMillis, settings.smallStory(), settings.scalingSamples()));
    }

    /** The article of the latest answer among these lists, or null if all are empty. */
    @SafeVarargs
    private static IngestLoad.Posted last(List<IngestLoad.Posted>... lists) {
        return Stream.of(lists).flatMap(List::stream).max(Comparator.comparingLong(IngestLoad.Posted::position))
                .orElse(null);
    }

    /** How many of these articles joined the story; the others opened stories of their own, which is reported. */
    private int count(List<IngestLoad.Posted> posted, UUID story) {
        long joined = posted.stream().filter(p -> p.storyId().equals(story)).count();
        if (joined < posted.size()) {
            report.detail((posted.size() - joined) + " seed variants did not join the seed story");
        }
        return (int) joined;
    }

    /**
     * Median-ready POST times of {@code n} articles sent one after another, after the query service has caught up,
     * so that a projection backlog left by the load before does not compete for the cores.
     */
    private List<Double> sequential(IngestLoad ingest, int n, UUID story, IngestLoad.Posted last) throws Exception {
        if (last != null && !ingest.awaitVisible(last, SCALING_DRAIN)) {
            report.detail("the query service had not caught up within " + SCALING_DRAIN.toSeconds()
                    + " s before a scaling measurement; measured anyway, with the projector busy");
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            IngestLoad.Posted p = ingest.postVariant();
            if (p.storyId().equals(story)) {
                millis.add(p.millis());
            }
        }
        return millis;
    }

    private void breakdown() {
        double cleaning = stageMillis.getOrDefault("cleaning", Double.NaN);
        double analysis = stageMillis.getOrDefault("analysis", Double.NaN);
        double assignment = stageMillis.getOrDefault("assignment", Double.NaN);
        double embeddings = stageMillis.getOrDefault("embeddings", Double.NaN);
        report.breakdown("cleaning", Report.format(cleaning), "JMH: paragraphs, page furniture, joined text");
        report.breakdown("extraction", Report.format(analysis - cleaning),
                "JMH: ArticleAnalyzer.analyze minus cleaning (sentences, tags, entities, claims, dates)");
        report.breakdown("embeddings", Report.format(embeddings), "JMH: MiniLM embedding of title and lead, with the other features");
        report.breakdown("story assignment", Report.format(assignment), "JMH: StoryAssigner.assign against the story");
        report.breakdown("append", Report.format(appendMillisPerArticle), "EventStore.append of the article's events + commit");
        double sum = cleaning + (analysis - cleaning) + embeddings + assignment + appendMillisPerArticle;
        report.breakdown("sum of the pieces", Report.format(sum), "");
        report.breakdown("POST /articles, end to end", Report.format(singlePostMillis),
                "median at concurrency 1 joining a " + settings.smallStory() + "-article story");
        report.breakdown("rest (HTTP, JSON, duplicate check, story index, lock)", Report.format(singlePostMillis - sum),
                "end to end minus the pieces");
    }

    private void memory(ServiceProcess service) throws Exception {
        String hwm = Files.readAllLines(Path.of("/proc/" + service.pid() + "/status")).stream()
                .filter(l -> l.startsWith("VmHWM:")).map(l -> l.substring(6).strip()).findFirst().orElse("n/a");
        report.memory(service.name() + " (pid " + service.pid() + ")", hwm);
    }

    /** A stack sampler when --profile was given, otherwise nothing. */
    private Sampler sampler(ServiceProcess service, String label) {
        if (!profile) {
            return () -> { };
        }
        StackSampler s = new StackSampler(service.pid(), label, workDir.resolve("profile-" + label + ".txt"));
        return s::close;
    }

    @FunctionalInterface
    private interface Sampler extends AutoCloseable {
        @Override
        void close() throws java.io.IOException;
    }

    private void writeMarkdown(String date, String command) throws Exception {
        String machine = machine();
        Path analysis = home.resolve("bench/bottlenecks.md");
        String text = Files.exists(analysis) ? Files.readString(analysis) : "";
        Files.writeString(home.resolve("BENCHMARKS.md"), report.markdown(machine, date, command, text));
        progress("wrote BENCHMARKS.md");
    }

    private static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> l.substring(9).strip()).findFirst().orElse("?");
        return String.format("- CPU: %s, %d cores available to the JVM%n- memory: %s%n- load average at the end: %s%n"
                        + "- Java: %s %s%n- OS: %s %s", cpu, Runtime.getRuntime().availableProcessors(), memory,
                Files.readString(Path.of("/proc/loadavg")).strip(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.version"));
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
