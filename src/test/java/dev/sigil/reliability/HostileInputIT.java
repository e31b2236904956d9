package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input with bounded memory: every file of the torture corpus ({@link TortureCorpus}) goes through
 * {@code validate}, {@code fmt}, {@code tail} and {@code monitor}, each a real process with a 64 MiB heap, under GNU
 * time. Each reports the bad input and goes on (every canary after it is shown, or counted valid), none crashes (exit
 * 1, no stack trace, no internal error), none hangs (two minutes at most), and none grows past 256 MiB of resident
 * memory, whatever the line: 100 MiB without a newline, 100,000 levels of nesting, 10,000 digits, or lines just under
 * the 16 MiB line bound of validate and fmt whose values would need more than the heap as trees (the fast paths take
 * them without one; validate reports the two that are not entries as needing more memory, and skips them).
 */
class HostileInputIT {

    /** Resident memory allowed to a sigil process with a 64 MiB heap: the JVM's own needs plus the heap. */
    static final long RSS_BOUND_KB = 256 * 1024;
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path corpus;

    @TempDir
    Path runs;

    @Test
    void theTortureCorpusIsReportedAndReadOnWithBoundedMemory() throws Exception {
        check(100L << 20);
    }

    @Test
    @Tag("heavy")
    void aLineOfAGigabyte() throws Exception {
        check(1L << 30);
    }

    private void check(long hugeBytes) throws Exception {
        List<TortureCorpus.Case> small = TortureCorpus.writeSmall(corpus);
        TortureCorpus.Case unterminated = TortureCorpus.writeHugeUnterminated(corpus, hugeBytes);
        TortureCorpus.Case hugeLine = TortureCorpus.writeHugeLine(corpus, hugeBytes);
        TortureCorpus.Case nearTheBound = TortureCorpus.writeNearTheBound(corpus, 16 << 20);
        List<TortureCorpus.Case> all = new ArrayList<>(small);
        all.add(unterminated);
        all.add(hugeLine);
        all.add(nearTheBound);
        List<String> files = all.stream().map(c -> c.file().toString()).toList();
        List<MeasuredRun> measured = new ArrayList<>();

        MeasuredRun validate = run(measured, "validate", null, concat(List.of("validate"), files));
        for (TortureCorpus.Case c : all) {
            if (!c.name().equals(TortureCorpus.VALID_ENTRY)) {
                assertThat(validate.out()).as("validate reports %s (exit %s, stderr: %s)", c.name(), validate.exitCode(), validate.err())
                        .contains(c.file() + ":");
            }
        }
        // The long string near the bound is a valid entry: the fast check takes it without a tree (ADR 0065).
        assertThat(validate.err()).contains(all.size() + " files", (all.size() + 2) + " valid");
        assertThat(validate.out()).doesNotContain(nearTheBound.file() + ":1:");
        for (int line = 2; line <= 3; line++) {
            assertThat(validate.out()).contains(nearTheBound.file() + ":" + line + ": line of ");
        }
        MeasuredRun validateStdin = run(measured, "validate -", unterminated.file(), List.of("validate", "-"));
        assertThat(validateStdin.out()).contains("-:2: line of " + (hugeBytes + 12) + " bytes is longer than the limit");

        MeasuredRun fmt = run(measured, "fmt", null, concat(List.of("fmt"), files));
        for (TortureCorpus.Case c : all) {
            assertThat(fmt.out()).as("fmt goes on after %s", c.name()).contains("\"message\":\"" + c.canary() + "\"");
            if (!TortureCorpus.JSON_FOR_CPYTHON.contains(c.name()) && c != nearTheBound) {
                assertThat(fmt.err()).as("fmt reports %s", c.name()).contains(c.file() + ":" + c.badLine() + ":");
            }
        }

        MeasuredRun tail = run(measured, "tail", null, concat(List.of("tail"), files));
        for (TortureCorpus.Case c : all) {
            assertThat(tail.out()).as("tail goes on after %s", c.name()).contains(c.canary() + "\n");
            if (TortureCorpus.reportedByTail(c.name())) {
                assertThat(tail.err()).as("tail reports %s", c.name()).contains("sigil tail: " + c.file() + ":");
            }
        }

        MeasuredRun monitor = run(measured, "monitor (all small cases in one file)", null,
                List.of("monitor", "--mode", "stream", "--no-follow", corpus.resolve("combined.jsonl").toString()));
        for (int i = 0; i < small.size(); i++) {
            TortureCorpus.Case c = small.get(i);
            assertThat(monitor.out()).as("the monitor goes on after %s", c.name()).contains(c.canary() + " (1 tokens)");
            if (TortureCorpus.reportedByTail(c.name())) {
                assertThat(monitor.err()).as("the monitor reports %s", c.name()).contains("combined.jsonl:" + (2 * i + 1) + ":");
            }
        }
        for (TortureCorpus.Case c : List.of(unterminated, hugeLine)) {
            MeasuredRun huge = run(measured, "monitor " + c.name(), null, List.of("monitor", "--mode", "stream", "--no-follow", c.file().toString()));
            assertThat(huge.out()).contains(c.canary() + " (1 tokens)");
            assertThat(huge.err()).contains("longer than");
        }

        measured.forEach(r -> System.out.println("HostileInputIT (" + (hugeBytes >> 20) + " MiB lines): " + r));
        for (MeasuredRun r : measured) {
            assertThat(r.exitCode()).as(r + "; stderr: " + r.err()).isEqualTo(1);
            assertThat(r.err()).as(r.toString()).doesNotContain("Exception", "\tat ", "internal error", "OutOfMemory", "SIGIL_DEBUG");
            assertThat(r.peakRssKb()).as(r.toString()).isLessThan(RSS_BOUND_KB);
        }
    }

    private MeasuredRun run(List<MeasuredRun> measured, String what, Path stdin, List<String> args) throws IOException, InterruptedException {
        MeasuredRun r = MeasuredRun.run(what, runs, JavaChild.sigil("64m", args.toArray(String[]::new)), stdin, TIMEOUT_SECONDS);
        measured.add(r);
        return r;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
