package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.reliability.Readers.Mode;
import dev.sigil.testing.LargeLogs;

/**
 * Every reader keeps its peak RSS under 150 MB on any log, whatever its entries' size, with the heap the launcher
 * gives it (ADR 0065): a matrix of entry sizes (300 B, 4 KiB, 64 KiB, 1 MiB: LLM outputs in {@code metadata}) by
 * readers ({@code monitor} dashboard, stream and minimal, {@code tail}, {@code validate}, {@code fmt}), each a real
 * process of the packaged launcher measured by GNU time, and each checked for doing its whole job (every entry shown,
 * counted valid, written back). In the heavy suite only ({@code -Pbench}, or docs/benchmarks.md's command for it
 * alone, about 7 minutes here): on logs of 16 to 96 MB, and of 256 MB and 1 GB; the tables of docs/benchmarks.md
 * ("Memory") go to {@code target/memory-matrix-small.md} and {@code target/memory-matrix.md}. The default suite
 * keeps the reproductions of {@link MemoryBoundsIT}.
 */
@Tag("heavy")
class MemoryMatrixIT {

    /** The bound of issue 11, for every reader on any log: 150 MB, in the KiB GNU time reports. */
    static final long RSS_BOUND_KB = 150_000_000L / 1024;
    static final int[] ENTRY_SIZES = {300, 4 << 10, 64 << 10, 1 << 20};

    @TempDir
    Path dir;

    @Test
    void everyReaderStaysUnder150MBOnSmallLogsOfAnyEntrySize() throws Exception {
        // Large enough that a batch or a queue bounded only by its count of entries would hold more than the heap.
        Map<Path, Map<Mode, MeasuredRun>> runs = matrix(List.of(log(300, 16L << 20), log(4 << 10, 32L << 20), log(64 << 10, 96L << 20),
                log(1 << 20, 96L << 20)));
        Files.writeString(Readers.HOME.resolve("target/memory-matrix-small.md"), table(runs), StandardCharsets.UTF_8);
    }

    @Test
    void everyReaderStaysUnder150MBOnLargeLogsOfAnyEntrySize() throws Exception {
        List<Path> logs = new ArrayList<>();
        for (int size : ENTRY_SIZES) {
            logs.add(log(size, 256L << 20));
        }
        logs.add(log(300, 1L << 30));
        logs.add(log(64 << 10, 1L << 30));
        Files.writeString(Readers.HOME.resolve("target/memory-matrix.md"), table(matrix(logs)), StandardCharsets.UTF_8);
    }

    private final Map<Path, LargeLogs.Written> written = new LinkedHashMap<>();

    private Path log(int entryBytes, long bytes) throws IOException {
        Path file = dir.resolve(String.format(Locale.ROOT, "%s-entries-%s.jsonl", human(entryBytes), human(bytes)));
        written.put(file, LargeLogs.write(file, entryBytes, bytes));
        return file;
    }

    private Map<Path, Map<Mode, MeasuredRun>> matrix(List<Path> logs) throws Exception {
        Readers.warmUp(dir);
        Map<Path, Map<Mode, MeasuredRun>> runs = new LinkedHashMap<>();
        for (Path log : logs) {
            Map<Mode, MeasuredRun> row = new LinkedHashMap<>();
            for (Mode mode : Mode.values()) {
                MeasuredRun run = Readers.run(dir, mode, log, "");
                System.out.println("MemoryMatrixIT: " + run);
                row.put(mode, run);
                checkDone(mode, log, run);
            }
            runs.put(log, row);
        }
        for (Map<Mode, MeasuredRun> row : runs.values()) {
            for (MeasuredRun run : row.values()) {
                assertThat(run.peakRssKb()).as("peak RSS of %s", run).isLessThan(RSS_BOUND_KB);
            }
        }
        return runs;
    }

    /** The reader did its whole job: exit 0, nothing on stderr but the summary, every entry handled. */
    private void checkDone(Mode mode, Path log, MeasuredRun run) throws IOException {
        LargeLogs.Written w = written.get(log);
        assertThat(run.exitCode()).as("%s; stderr: %s", run, run.err()).isZero();
        assertThat(run.err()).as(run.toString()).doesNotContain("Exception", "\tat ", "out of memory", "skipped");
        String out = run.out().strip();
        switch (mode) {
            case STREAM, TAIL -> assertThat(Long.parseLong(out)).as(run.toString()).isEqualTo(w.entries());
            case MINIMAL -> assertThat(out).isEqualTo("1");
            case DASHBOARD -> assertThat(out).contains(String.format(Locale.ROOT, "%,d events", w.entries()), "read to its end")
                    .doesNotContain("Exception");
            case VALIDATE -> assertThat(run.err()).contains(String.format(Locale.ROOT, "%,d valid, 0 invalid", w.entries()));
            case FMT -> assertThat(Long.parseLong(out)).as("fmt gives the canonical bytes back").isEqualTo(w.bytes());
        }
    }

    private static String table(Map<Path, Map<Mode, MeasuredRun>> runs) {
        StringBuilder t = new StringBuilder("| log | ");
        for (Mode m : Mode.values()) {
            t.append(m.label()).append(" | ");
        }
        t.append("\n|---|").append("---:|".repeat(Mode.values().length)).append('\n');
        for (Map.Entry<Path, Map<Mode, MeasuredRun>> row : runs.entrySet()) {
            t.append("| ").append(row.getKey().getFileName()).append(" | ");
            for (MeasuredRun r : row.getValue().values()) {
                t.append(String.format(Locale.ROOT, "%d MiB, %.1f s | ", r.peakRssKb() >> 10, r.seconds()));
            }
            t.append('\n');
        }
        return t.toString();
    }

    static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return (bytes >> 30) + "GiB";
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + "MiB";
        }
        return bytes >= 1 << 10 ? (bytes >> 10) + "KiB" : bytes + "B";
    }
}
