package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.log.TearingWriterChild;
import dev.sigil.tail.FileTailSource;
import dev.sigil.tail.SkipReason;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.Tailer;
import tools.jackson.databind.JsonNode;

/**
 * The writer killed with SIGKILL in the middle of its lines, again and again, while a tailer follows the log (as the
 * monitor does): each writer is a real process running the production logger on a disk that takes a few bytes per
 * write, so most kills land mid-line; the next writer cuts the torn tail and appends. The oracle is the file the last
 * writer leaves: the tailer must yield exactly its lines, in order, and nothing else as an entry.
 */
class WriterKillTest {

    @TempDir
    Path logs;

    @Test
    void aWriterKilledMidLineAgainAndAgainLeavesTheTailerEveryCompleteLineOnce() throws Exception {
        run(20260101L, 5);
    }

    @Test
    @Tag("heavy")
    void manyKills() throws Exception {
        run(20260102L, 60);
    }

    private void run(long seed, int kills) throws Exception {
        Random random = new Random(seed);
        Path log = logs.resolve("sessions/torn/execution.jsonl");
        Path stderr = logs.resolve("children.err");
        TailCollector seen = new TailCollector();
        Tailer tailer = new Tailer(new FileTailSource(log), TailOptions.defaults().withPollInterval(Duration.ofMillis(5)), seen);
        Thread thread = new Thread(tailer::run, "tailer-under-test");
        thread.start();
        try {
            for (int k = 1; k <= kills; k++) {
                Process child = start("w" + k, -1, seed + k, stderr);
                awaitLine(child, "ready");
                Thread.sleep(50 + random.nextInt(400)); // when the kill lands: part of the seeded schedule, not a timing assertion
                child.destroyForcibly(); // SIGKILL
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            Process last = start("final", 200, seed, stderr);
            awaitLine(last, "done written=200");
            assertThat(last.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).isZero();
            assertThat(seen.awaitMessage("final s199 " + "x".repeat(199 % 50), 60_000)).as("seed %d: the last line arrived", seed).isTrue();
        } finally {
            tailer.stop();
            thread.join(10_000);
            tailer.close();
        }
        List<String> inFile = messages(log);
        long repaired = tornTails(log.resolveSibling("errors.jsonl"));
        String context = "seed " + seed + ", " + kills + " kills, " + repaired + " torn tails cut by the next writer, "
                + seen.skipped(SkipReason.TORN) + " seen torn by the tailer; children's stderr: " + Files.readString(stderr);
        System.out.println("WriterKillTest: " + context.substring(0, context.indexOf(';')) + ", " + inFile.size() + " lines");
        assertThat(repaired).as(context + ": the kills landed mid-line").isPositive();
        ExactlyOnce result = ExactlyOnce.compare(inFile, seen.messages());
        System.out.println("WriterKillTest: " + result);
        assertThat(result.exact() && result.inOrder()).as(context + ": " + result).isTrue();
        assertThat(seen.skipsOtherThan(SkipReason.TORN)).as(context).isEmpty();
        assertThat(seen.skipped(SkipReason.TORN)).as(context).isLessThanOrEqualTo(repaired);
    }

    private Process start(String tag, long count, long seed, Path stderr) throws IOException {
        return new ProcessBuilder(JavaChild.main(TearingWriterChild.class, logs.toString(), "torn", tag, Long.toString(count), Long.toString(seed)))
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start();
    }

    private static void awaitLine(Process child, String expected) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals(expected)) {
                return;
            }
        }
        throw new AssertionError("the child ended without printing " + expected);
    }

    /** The messages of the file's lines; every line must be complete and JSON. */
    private static List<String> messages(Path log) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        assertThat(bytes.length == 0 || bytes[bytes.length - 1] == '\n').as("the log ends with a whole line").isTrue();
        PythonJsonReader reader = new PythonJsonReader();
        List<String> out = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            out.add(reader.read(line.getBytes(StandardCharsets.UTF_8)).get("message").stringValue());
        }
        return out;
    }

    private static long tornTails(Path errors) throws IOException {
        if (!Files.exists(errors)) {
            return 0;
        }
        PythonJsonReader reader = new PythonJsonReader();
        long n = 0;
        for (String line : Files.readAllLines(errors)) {
            JsonNode record = reader.read(line.getBytes(StandardCharsets.UTF_8));
            if ("torn_tail".equals(record.path("kind").stringValue(""))) {
                n++;
            }
        }
        return n;
    }
}
