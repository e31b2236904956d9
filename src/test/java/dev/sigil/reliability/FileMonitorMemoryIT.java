package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import dev.sigil.tail.Oracles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/file_monitor.sh} on a line far over its bound (1 MiB), with and without its newline, under GNU
 * time: the line is cut before jq sees it, reported on stderr with its length, and the entry after it is shown. Its
 * largest process (GNU time reports the largest of the script's processes: bash, the Perl reader or jq) holds at
 * most one line of the bound and one read of 64 KiB at a time; jq alone held the whole line, about 1.3 to 2 times its
 * size.
 */
@Tag("compat")
class FileMonitorMemoryIT {

    /** The bound (1 MiB), a read, and the interpreters' own needs (perl and jq start at 4 to 8 MiB), with room to spare. */
    static final long RSS_BOUND_KB = 32 * 1024;
    private static final Path SCRIPT = Oracles.ROOT.resolve("scripts/file_monitor.sh");

    @TempDir
    Path corpus;

    @TempDir
    Path runs;

    @Test
    void aLineOf100MiBIsCutBeforeJqSeesIt() throws Exception {
        check(100L << 20);
    }

    @Test
    @Tag("heavy")
    void aLineOfAGigabyte() throws Exception {
        check(1L << 30);
    }

    private void check(long bytes) throws Exception {
        Oracles.require("jq", "apt-get install jq");
        for (TortureCorpus.Case c : List.of(TortureCorpus.writeHugeLine(corpus, bytes), TortureCorpus.writeHugeUnterminated(corpus, bytes))) {
            String session = c.file().getFileName().toString().replace(".jsonl", "");
            MeasuredRun r = MeasuredRun.run("file_monitor.sh " + c.name(), runs,
                    List.of("bash", SCRIPT.toString(), "--no-follow", corpus.toString(), session), null, 600);
            System.out.println("FileMonitorMemoryIT (" + (bytes >> 20) + " MiB line): " + r);
            assertThat(r.exitCode()).as(r + "; stderr: " + r.err()).isZero();
            assertThat(r.out()).as(r.toString()).contains(c.canary() + "\n");
            assertThat(r.err()).as(r.toString()).contains("file_monitor.sh: " + c.file() + ":" + c.badLine() + ": longer than the line bound: ");
            assertThat(r.peakRssKb()).as(r.toString()).isLessThan(RSS_BOUND_KB);
        }
    }
}
