package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.reliability.Readers.Mode;

/**
 * {@code sigil monitor --mode stream --no-follow} on a realistic 1M-line log (289 MB, {@code genlog.py --seed 7}: the
 * benchmarks' log, every event type, usage records, non-ASCII and escaped messages) stays under issue 11's 150 MB of
 * peak RSS with the launcher's own flags, and prints every event (ADR 0220). Before, the launcher gave runs past 128 MB
 * both compilers and C2's compilations took the peak to 150-161 MiB (121 MiB with C1 alone; the same generator's
 * bytes, {@code target/bench/s1m.jsonl}, through main's launcher); {@link MemoryMatrixIT}'s uniform 300-byte entries
 * did not show it. In the heavy suite only ({@code -Pbench}, or {@code ./mvnw -B verify
 * -Dit.test=StreamMonitorMemoryIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true
 * -Dsigil.test.excludedGroups=compat}: about a minute here).
 */
@Tag("heavy")
class StreamMonitorMemoryIT {

    private static final int LINES = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void theStreamModeOnA1MLineRealisticLogStaysUnder150MB() throws Exception {
        Path log = generated("genlog-1m.jsonl", LINES);
        Readers.warmUp(dir);
        Readers.run(dir, Mode.STREAM, generated("genlog-1k.jsonl", 1000), ""); // the monitor's AOT cache made, not measured
        MeasuredRun run = Readers.run(dir, Mode.STREAM, log, "");
        System.out.println("StreamMonitorMemoryIT: " + run);
        assertThat(run.exitCode()).as("%s; stderr: %s", run, run.err()).isZero();
        assertThat(run.err()).as(run.toString()).doesNotContain("Exception", "\tat ", "out of memory", "skipped");
        assertThat(Long.parseLong(run.out().strip())).as("every event printed: %s", run).isEqualTo(LINES);
        assertThat(run.peakRssKb()).as("peak RSS of %s", run).isLessThan(MemoryMatrixIT.RSS_BOUND_KB);
    }

    /** A log of {@code lines} lines written by CPython's own encoder ({@code scripts/bench/genlog.py}). */
    private Path generated(String name, int lines) throws Exception {
        Path log = dir.resolve(name);
        MeasuredRun made = MeasuredRun.run("genlog " + name, dir, List.of("python3", Readers.HOME.resolve("scripts/bench/genlog.py").toString(),
                "--lines", Integer.toString(lines), "--seed", "7", log.toString()), null, 600);
        assertThat(made.exitCode()).as(made.err()).isZero();
        return log;
    }
}
