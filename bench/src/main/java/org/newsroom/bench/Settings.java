package org.newsroom.bench;

import java.time.Duration;

/** How much of everything a run does: --quick (under 10 minutes on 2 cores) or the full run. */
record Settings(boolean quick, int runs, int jmhWarmups, int jmhIterations, int jmhSeconds, int appendRounds,
                int appendEvents, int rebuildEvents, int queryStoryArticles, Duration queryWarmup,
                Duration queryMeasure, int queryConcurrency, int ingestConcurrency, int ingestWarmup,
                int bigStory, int smallStory, int scalingSamples, int scalingWarmup, Duration catchUpTimeout) {

    /** The same, with {@code runs} runs per figure (--runs=N). */
    Settings withRuns(int runs) {
        return new Settings(quick, runs, jmhWarmups, jmhIterations, jmhSeconds, appendRounds, appendEvents, rebuildEvents,
                queryStoryArticles, queryWarmup, queryMeasure, queryConcurrency, ingestConcurrency, ingestWarmup,
                bigStory, smallStory, scalingSamples, scalingWarmup, catchUpTimeout);
    }

    static Settings of(boolean quick) {
        return quick
                ? new Settings(true, 1, 2, 3, 2, 2, 6_000, 20_000, 100, Duration.ofSeconds(5), Duration.ofSeconds(10),
                        32, 4, 20, 1_000, 10, 10, 200, Duration.ofMinutes(10))
                : new Settings(false, 3, 3, 5, 3, 3, 20_000, 100_000, 100, Duration.ofSeconds(10),
                        Duration.ofSeconds(20), 32, 4, 40, 1_000, 10, 25, 200, Duration.ofMinutes(30));
    }
}
