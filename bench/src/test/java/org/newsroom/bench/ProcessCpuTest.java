package org.newsroom.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** CPU times read from {@code /proc}: this JVM's own, and none for a process that does not exist. */
class ProcessCpuTest {

    @Test
    void thisJvmsTimeAndItsCompilersTimeOnlyGrow() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "CPU times come from /proc");
        long self = ProcessHandle.current().pid();
        double compiled = ProcessCpu.compilerSeconds(self);
        double used = ProcessCpu.seconds(self);
        assertTrue(compiled >= 0 && Double.isFinite(compiled), "compiler threads: " + compiled + " s");
        assertTrue(used > 0 && compiled <= used, compiled + " s compiling of " + used + " s in all");
        long sum = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sum += Integer.toString(i).hashCode();
        }
        assertTrue(sum != 1, "the loop ran");
        assertTrue(ProcessCpu.compilerSeconds(self) >= compiled);
        assertTrue(ProcessCpu.seconds(self) > used, "a busy loop took no CPU");
    }

    @Test
    void aProcessThatIsNotThereHasNoTime() {
        assertTrue(Double.isNaN(ProcessCpu.seconds(Integer.MAX_VALUE)));
        assertTrue(Double.isNaN(ProcessCpu.compilerSeconds(Integer.MAX_VALUE)));
    }
}
