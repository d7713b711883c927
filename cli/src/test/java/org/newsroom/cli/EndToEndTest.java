package org.newsroom.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;

/** PostgreSQL and one instance of each service, as processes, for the test class; a database of its own. */
abstract class EndToEndTest {

    static final Path HOME = Path.of(System.getProperty("newsroom.home", "..")).toAbsolutePath();
    static NewsroomStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = NewsroomStack.start(HOME, 0, 0, true);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
