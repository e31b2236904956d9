package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.reliability.Readers.Mode;
import dev.sigil.testing.LargeLogs;

/**
 * What issue 11 found when logs hold LLM outputs of 4 to 64 KiB instead of 300-byte lines, each as a user met it:
 * real processes of the packaged launcher with the heap it gives (or the heap the report named), real files,
 * peak RSS from GNU time. Batches, queues and histories were bounded by a count of entries (up to 4,096); they are
 * bounded by bytes now (ADR 0065).
 */
class MemoryBoundsIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void cacheMadeBeforeAnythingIsMeasured(@TempDir Path warm) throws Exception {
        Readers.warmUp(warm);
    }

    @Test
    void theStreamOfA17MBLogOf4KiBEntriesShowsEveryEntry() throws Exception {
        // Before: "out of memory (the JVM's heap is 38 MiB)" and 0 entries shown.
        LargeLogs.Written log = LargeLogs.write(dir.resolve("outputs-4k.jsonl"), 4_400, 18_000_000);
        assertThat(log.entries()).isBetween(4_000L, 4_300L);
        MeasuredRun run = Readers.run(dir, Mode.STREAM, log.file(), "");
        System.out.println("MemoryBoundsIT: " + run);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Long.parseLong(run.out().strip())).isEqualTo(log.entries());
        assertThat(run.peakRssKb()).isLessThan(MemoryMatrixIT.RSS_BOUND_KB);
    }

    @Test
    void theDashboardOnTheSameLogShowsItAllWithoutAStackTrace() throws Exception {
        // Before: a raw stack trace from the terminal's input thread (NoClassDefFoundError, OutOfMemoryError).
        LargeLogs.Written log = LargeLogs.write(dir.resolve("outputs-4k.jsonl"), 4_400, 18_000_000);
        MeasuredRun run = Readers.run(dir, Mode.DASHBOARD, log.file(), "");
        System.out.println("MemoryBoundsIT: " + run);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(String.format(Locale.ROOT, "%,d events", log.entries()), "read to its end")
                .doesNotContain("Exception", "Error", "\tat ");
        assertThat(run.err()).doesNotContain("Exception", "Error", "\tat ");
        assertThat(run.peakRssKb()).isLessThan(MemoryMatrixIT.RSS_BOUND_KB);
    }

    @Test
    void twoWritersWithLinesUpTo64KiBDoNotCrashAFollowingMonitor() throws Exception {
        Path log = dir.resolve("shared.jsonl");
        Files.writeString(log, "{\"timestamp\":\"2026-01-11T10:00:00.000001\",\"session_id\":\"shared\",\"event_type\":\"session_start\","
                + "\"component\":\"orchestrator\",\"message\":\"Starting\",\"tokens\":0,\"metadata\":{\"task\":\"t\",\"budget\":256000}}\n");
        Path writer = Files.writeString(dir.resolve("writer.py"), String.join("\n",
                "import json, os, random, sys",
                "path, name, first, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])",
                "rng = random.Random(name + str(first))",
                "words = 'analysis lead score revenue market r\u00e9sum\u00e9 \u65e5\u672c\u8a9e plan step output'.split()",
                "fd = os.open(path, os.O_WRONLY | os.O_APPEND)",
                "for i in range(first, first + n):",
                "    size = rng.randint(4 << 10, (64 << 10) - 400)",
                "    text = ''",
                "    while len(text) < size:",
                "        text += ' '.join(rng.choice(words) for _ in range(200)) + '\\n'",
                "    entry = {'timestamp': '2026-01-11T10:00:%02d.%06d' % (i % 60, i), 'session_id': 'shared',",
                "             'event_type': 'step_complete', 'component': 'reasoning', 'message': '%s step %d' % (name, i),",
                "             'tokens': 10, 'metadata': {'latency_ms': 12.5, 'output': text[:size]}}",
                "    line = (json.dumps(entry, separators=(',', ':')) + '\\n').encode()",
                "    while len(line) > 64 << 10:  # escapes make the line longer than its text",
                "        entry['metadata']['output'] = entry['metadata']['output'][:-(len(line) - (64 << 10)) - 8]",
                "        line = (json.dumps(entry, separators=(',', ':')) + '\\n').encode()",
                "    os.write(fd, line)  # one write per line: appends of two writers never interleave",
                ""));
        String sigil = "SIGIL_NO_BUILD=1 '" + Readers.SIGIL + "' monitor --mode stream '" + log + "'";
        Path times = dir.resolve("monitor.time");
        Path out = dir.resolve("monitor.out");
        Path err = dir.resolve("monitor.err");
        String script = String.join("\n",
                // Half the session is written before the monitor starts (it reads that backlog at once), half while it follows.
                "python3 '" + writer + "' '" + log + "' A 0 300 & a=$!",
                "python3 '" + writer + "' '" + log + "' B 0 300 & b=$!",
                "wait $a || exit 3",
                "wait $b || exit 3",
                "/usr/bin/time -v -o '" + times + "' bash -c \"" + sigil.replace("\"", "\\\"") + "\" > '" + out + "' 2> '" + err + "' &",
                "monitor=$!",
                "python3 '" + writer + "' '" + log + "' A 300 300 & a=$!",
                "python3 '" + writer + "' '" + log + "' B 300 300 & b=$!",
                "wait $a || exit 3",
                "wait $b || exit 3",
                "printf '%s\\n' '{\"timestamp\":\"2026-01-11T10:05:00.000001\",\"session_id\":\"shared\",\"event_type\":\"session_complete\","
                        + "\"component\":\"orchestrator\",\"message\":\"done\",\"tokens\":0,\"metadata\":{}}' >> '" + log + "'",
                "wait $monitor",
                "echo \"monitor exit $?\"", "");
        MeasuredRun run = MeasuredRun.run("two writers and a monitor", dir, List.of("bash", "-c", script), null, 300);
        long rss = Long.parseLong(Files.readString(times).replaceAll("(?s).*Maximum resident set size \\(kbytes\\): (\\d+).*", "$1"));
        String shown = Files.readString(out);
        System.out.println("MemoryBoundsIT: two writers of 4-64 KiB lines, the monitor following: peak RSS " + (rss >> 10) + " MiB");
        assertThat(run.exitCode()).as("the writers: %s", run.err()).isZero();
        assertThat(run.out()).as(Files.readString(err)).contains("monitor exit 0");
        assertThat(Files.readString(err)).isEmpty();
        assertThat(shown.lines().filter(l -> l.endsWith(" tokens)")).count()).isEqualTo(1202);
        assertThat(shown).contains("A step 599", "B step 599", "EXECUTION COMPLETE");
        assertThat(rss).isLessThan(MemoryMatrixIT.RSS_BOUND_KB);
    }

    @Test
    void tailWithA64MiBHeapOnAThousandLinesOf64KB() throws Exception {
        // Before: out of memory with SIGIL_JAVA_OPTS=-Xmx64m.
        LargeLogs.Written log = LargeLogs.write(dir.resolve("outputs-64k.jsonl"), 64_000, 64_300_000);
        assertThat(log.entries()).isBetween(1_000L, 1_010L);
        MeasuredRun run = Readers.run(dir, Mode.TAIL, log.file(), "-Xmx64m");
        System.out.println("MemoryBoundsIT: " + run);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Long.parseLong(run.out().strip())).isEqualTo(log.entries());
        assertThat(run.peakRssKb()).isLessThan(MemoryMatrixIT.RSS_BOUND_KB);
    }

    @Test
    void tailOnLinesOf1MiBWithinItsLineLimit() throws Exception {
        LargeLogs.Written log = LargeLogs.write(dir.resolve("outputs-1m.jsonl"), 1 << 20, 128L << 20);
        MeasuredRun run = Readers.run(dir, Mode.TAIL, log.file(), "");
        System.out.println("MemoryBoundsIT: " + run);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Long.parseLong(run.out().strip())).isEqualTo(log.entries());
        assertThat(run.peakRssKb()).isLessThan(MemoryMatrixIT.RSS_BOUND_KB);
    }

    @Test
    void anOutOfMemoryNamesTheFileTheLineAndALargerHeap() throws Exception {
        // Before: "out of memory (the JVM's heap is N MiB); give Java more memory, e.g. SIGIL_JAVA_OPTS=-Xmx1g", whatever N.
        LargeLogs.Written log = LargeLogs.write(dir.resolve("outputs-1m.jsonl"), 1 << 20, 8L << 20);
        for (Mode mode : List.of(Mode.TAIL, Mode.STREAM)) {
            MeasuredRun run = Readers.run(dir, mode, log.file(), "-Xmx6m");
            System.out.println("MemoryBoundsIT: " + run);
            assertThat(run.exitCode()).as(run.err()).isNotZero();
            assertThat(run.err()).containsPattern("out of memory reading .*outputs-1m\\.jsonl at line \\d+ \\(a line of \\d+ bytes\\): "
                    + "the JVM's heap of \\d MiB is too small; give it more, e.g\\. SIGIL_JAVA_OPTS=-Xmx64m")
                    .doesNotContain("Exception", "\tat ", "-Xmx1g");
        }
    }

    @Test
    @Tag("heavy")
    void tailWithA2GBHeapOn3000LinesOf1MB() throws Exception {
        // Before: out of memory with a 2 GB heap (the batch of up to 4,096 entries held them all).
        LargeLogs.Written log = LargeLogs.write(dir.resolve("outputs-1m.jsonl"), 1_000_000, 3_000L * 1_000_000);
        MeasuredRun run = Readers.run(dir, Mode.TAIL, log.file(), "-Xmx2g");
        System.out.println("MemoryBoundsIT: " + run);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Long.parseLong(run.out().strip())).isEqualTo(log.entries());
    }
}
