package org.newsroom.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-process replay of view builds: its corpus and its digest, not its speed. */
class ReplayBuildsTest {

    private static final Path SEEDS = Path.of(System.getProperty("newsroom.seeds", "../seeds"));

    @Test
    void theSameCorpusBuildsTheSameViewsAndAnotherOneOthers() throws Exception {
        ReplayBuilds replay = new ReplayBuilds(SEEDS, 130);
        // the first story of 100 articles, then stories of 1-27 up to the count asked for
        assertEquals(130, replay.articles());
        assertTrue(replay.stories() >= 3, replay.stories() + " stories");
        ReplayBuilds.Round first = replay.round();
        ReplayBuilds.Round second = replay.round();
        assertTrue(first.bytes() > 100_000, first.bytes() + " bytes of JSON");
        assertEquals(first.bytes(), second.bytes());
        assertEquals(first.digest(), second.digest());
        assertEquals(first.digest(), new ReplayBuilds(SEEDS, 130).round().digest(), "built afresh");
        assertNotEquals(first.digest(), new ReplayBuilds(SEEDS, 131).round().digest(), "one article more");
    }
}
