package dev.sigil.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.sigil.contract.codec.PythonJsonWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * sigil's tailer and a Python tailer written from the documentation alone (compat-tests/python/tailer.py) follow the
 * same growing file, written in random pieces (partial lines, UTF-8 sequences cut in two) with bad lines, long lines,
 * blank lines, invalid UTF-8 and rename rotations, and must report the same entries and skipped lines in the same
 * order.
 */
@Tag("compat")
class TailerCompatTest {

    private static final int MAX_LINE = 2000;
    private static final PythonJsonWriter JSON = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);

    @TempDir
    Path dir;

    @Test
    void javaAndPythonTailersReadTheSameLines() throws Exception {
        Oracles.require("python3", "apt-get install python3");
        long seed = Long.getLong("sigil.seed", 20260111L);
        Random random = new Random(seed);
        Path file = dir.resolve("execution.jsonl");

        Process python = new ProcessBuilder("python3", Oracles.ROOT.resolve("compat-tests/python/tailer.py").toString(), file.toString(),
                "--until", " end", "--max-line-bytes", Integer.toString(MAX_LINE), "--poll-interval", "0.002")
                .redirectError(dir.resolve("python.err").toFile()).start();
        List<String> pythonSeen = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> readPython(python, pythonSeen), "python-tailer-reader");
        reader.start();

        List<String> javaSeen = Collections.synchronizedList(new ArrayList<>());
        Tailer tailer = new Tailer(new FileTailSource(file), TailOptions.defaults().withMaxLineBytes(MAX_LINE)
                .withPollInterval(Duration.ofMillis(2)), event -> record(event, javaSeen));
        Thread java = new Thread(tailer::run, "java-tailer");
        java.start();

        try {
            int rotations = write(random, file, javaSeen, pythonSeen);
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("seed %d: the Python tailer saw the end", seed).isTrue();
            reader.join(10_000);
            awaitEntry(javaSeen, " end");
            assertThat(rotations).isGreaterThan(1);
        } finally {
            tailer.stop();
            java.join(10_000);
            tailer.close();
            python.destroyForcibly();
        }
        List<String> javaList;
        List<String> pythonList;
        synchronized (javaSeen) {
            javaList = new ArrayList<>(javaSeen);
        }
        synchronized (pythonSeen) {
            pythonList = new ArrayList<>(pythonSeen);
        }
        assertThat(javaList).as("seed %d (-Dsigil.seed=%d reruns it); Python stderr in %s", seed, seed, dir).isEqualTo(pythonList);
        assertThat(javaList).anyMatch(s -> s.startsWith("S TOO_LONG")).anyMatch(s -> s.startsWith("S MALFORMED"))
                .anyMatch(s -> s.contains("\\ufffd"));
    }

    /** Writes about 600 lines in random pieces, rotating a few times; returns the number of rotations. */
    private static int write(Random random, Path file, List<String> javaSeen, List<String> pythonSeen) throws Exception {
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.APPEND);
        int rotations = 0;
        String lastEntry = null;
        for (int i = 1; i <= 600; i++) {
            String message = "r" + i + (i == 600 ? " end" : "");
            byte[] line = GeneratedLines.random(random, message, i == 600 ? 0 : random.nextInt(100), MAX_LINE);
            if (GeneratedLines.isEntry(line)) {
                lastEntry = message;
            }
            int at = 0;
            while (at < line.length) {
                int n = 1 + random.nextInt(Math.max(1, Math.min(line.length - at, 90)));
                out.write(line, at, n);
                out.flush();
                at += n;
                if (random.nextInt(8) == 0) {
                    Thread.sleep(0, 200_000);
                }
            }
            if (i % 120 == 0 && lastEntry != null) {
                // A file neither tailer opened could be rotated away unseen (F03): wait until both read this one.
                String awaited = lastEntry;
                awaitEntry(javaSeen, awaited);
                awaitEntry(pythonSeen, awaited);
                out.close();
                Files.move(file, file.resolveSibling("execution." + ++rotations + ".jsonl"));
                out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.APPEND);
            }
        }
        out.close();
        return rotations;
    }

    private static void record(TailEvent event, List<String> seen) {
        if (event instanceof TailEvent.Lines lines) {
            for (TailEntry e : lines.entries()) {
                seen.add("E " + JSON.encodeToString(e.json()));
            }
        } else if (event instanceof TailEvent.Skipped s) {
            seen.add("S " + s.reason() + " " + s.line() + " " + s.length());
        }
    }

    private static void readPython(Process python, List<String> seen) {
        JsonMapper mapper = JsonMapper.builder().build();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode node = mapper.readTree(line);
                if (node.has("entry")) {
                    seen.add("E " + node.get("entry").stringValue());
                } else {
                    seen.add("S " + node.get("skip").stringValue() + " " + node.get("line").longValue() + " " + node.get("length").longValue());
                }
            }
        } catch (java.io.IOException e) {
            seen.add("reader failed: " + e);
        }
    }

    /** Waits (60 s at most: a guard against a hang, not a timing assertion) for an entry whose message ends so. */
    private static void awaitEntry(List<String> seen, String messageEnd) throws InterruptedException {
        Supplier<Boolean> found = () -> {
            synchronized (seen) {
                return seen.stream().anyMatch(s -> s.contains("\"message\":\"" + messageEnd + "\"") || s.contains(messageEnd + "\""));
            }
        };
        for (int i = 0; i < 60_000 && !found.get(); i++) {
            Thread.sleep(1);
        }
        assertThat(found.get()).as("an entry ending with '%s' arrived", messageEnd).isTrue();
    }
}
