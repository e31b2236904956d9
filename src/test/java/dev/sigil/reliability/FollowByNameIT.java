package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.tail.Oracles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Following a log by name while it is rotated, replaced or re-created, with real files and two real followers at
 * once: {@code sigil tail --follow} and {@code scripts/file_monitor.sh} (its reader in front of a real jq). A writer
 * (the test) performs each fault the way loggers and operators do it; every line it wrote must come out of each
 * follower exactly once (lost, duplicated and unexpected lines are counted, {@link ExactlyOnce}). One line in ten
 * carries an LLM output of 8 KiB with non-ASCII text in its metadata, as real logs do.
 */
@Tag("compat")
class FollowByNameIT {

    private static final Path SCRIPT = Oracles.ROOT.resolve("scripts/file_monitor.sh");
    private static final PythonJsonWriter JSON = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);
    private static final String OUTPUT = "Résumé validé — 日本語の要約 ".repeat(300);

    @TempDir
    Path dir;

    /** The writer keeps appending to the renamed file for a while after the new one was created (a slow handler). */
    @Test
    void lateWritesToARenamedFile() throws Exception {
        run("late writes to a renamed file", 2_100, (w, log) -> {
            OutputStream current = append(log);
            for (int round = 1; round <= 6; round++) {
                w.write(current, 280, 1);
                Files.move(log, log.resolveSibling("execution." + round + ".jsonl"));
                OutputStream next = append(log);
                w.write(current, 70, 5);
                current.close();
                current = next;
            }
            return current;
        });
    }

    /** sigil's logger rotating to {@code execution.<n>.jsonl} every 30 lines, many times between two polls. */
    @Test
    void numberedRotations() throws Exception {
        run("numbered rotations", 4_020, (w, log) -> {
            OutputStream current = append(log);
            for (int part = 1; part <= 134; part++) {
                w.write(current, 30, 0);
                current.close();
                Files.move(log, log.resolveSibling("execution." + part + ".jsonl"));
                current = append(log);
            }
            return current;
        });
    }

    /**
     * The log moved to another disk and replaced by a symlink to where it went (the writer keeps its handle), then the
     * symlink moved to a new file, as a {@code current.jsonl} link moves to a new session.
     */
    @Test
    void replacedByASymlink() throws Exception {
        run("log replaced by a symlink", 700, (w, log) -> {
            OutputStream current = append(log);
            w.write(current, 300, 1);
            Path moved = Files.createDirectories(dir.resolve("elsewhere")).resolve("execution.jsonl");
            Files.move(log, moved);
            Files.createSymbolicLink(log, moved);
            w.write(current, 200, 1);
            current.close();
            Path next = Files.createDirectories(dir.resolve("s2")).resolve("execution.jsonl");
            current = append(next);
            Path link = log.resolveSibling("link.tmp");
            Files.createSymbolicLink(link, next);
            Files.move(link, log, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            w.write(current, 200, 1);
            return current;
        });
    }

    /**
     * The session directory deleted with its log (the writer, unaware, writing a few more lines to the deleted file)
     * and created again with a new log, four times, each round shorter than GNU tail's one-second polling.
     */
    @Test
    void directoryDeletedAndRecreated() throws Exception {
        run("directory deleted and re-created", 1_200, (w, log) -> {
            OutputStream current = append(log);
            for (int round = 1; round <= 4; round++) {
                w.write(current, 250, 1);
                try (Stream<Path> files = Files.walk(log.getParent())) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
                w.write(current, 50, 2);
                current.close();
                Files.createDirectories(log.getParent());
                current = append(log);
            }
            return current;
        });
    }

    /** Stopping the script stops its reader and its jq processes: a killed shell does not stop its pipeline. */
    @Test
    void aKilledScriptLeavesNoProcessBehind() throws Exception {
        Oracles.require("jq", "apt-get install jq");
        Path sessions = Files.createDirectories(dir.resolve("sessions"));
        Files.writeString(Files.createDirectories(sessions.resolve("s1")).resolve("execution.jsonl"), line("ready", false));
        Follower script = Follower.start("file_monitor.sh", dir, List.of("bash", SCRIPT.toString(), sessions.toString(), "s1"));
        script.await("ready");
        List<ProcessHandle> children = script.process.descendants().toList();
        assertThat(children).as("the reader and two jq").hasSizeGreaterThanOrEqualTo(3);
        script.process.destroy(); // SIGTERM to the shell alone, as kill PID does
        try {
            for (ProcessHandle child : children) {
                child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).get();
            }
            assertThat(children).as("processes of the script still running 10 s after it was stopped").noneMatch(ProcessHandle::isAlive);
        } finally {
            children.forEach(ProcessHandle::destroy);
        }
    }

    /** Writes the lines of a fault; returns the stream the last line goes to. */
    private interface Fault {
        OutputStream write(Writer writer, Path log) throws Exception;
    }

    private void run(String fault, int lines, Fault writeFault) throws Exception {
        Oracles.require("jq", "apt-get install jq");
        Path sessions = Files.createDirectories(dir.resolve("sessions"));
        Path log = Files.createDirectories(sessions.resolve("s1")).resolve("execution.jsonl");
        Files.writeString(log, line("ready", false));
        List<Follower> followers = List.of(
                Follower.start("file_monitor.sh", dir, List.of("bash", SCRIPT.toString(), sessions.toString(), "s1")),
                Follower.start("sigil tail", dir, JavaChild.sigil("256m", "tail", "--follow", log.toString())));
        try {
            for (Follower f : followers) {
                f.await("ready");
            }
            Writer writer = new Writer();
            OutputStream last = writeFault.write(writer, log);
            last.write(line("end", false).getBytes(StandardCharsets.UTF_8));
            last.close();
            assertThat(writer.written).as("lines written").hasSize(lines);
            List<String> expected = new ArrayList<>(List.of("ready"));
            expected.addAll(writer.written);
            expected.add("end");
            for (Follower f : followers) {
                f.await("end");
            }
            Thread.sleep(2_500); // a duplicate arriving late is counted too (a rotated file is read for 2 s more)
            List<ExactlyOnce> results = followers.stream().map(f -> ExactlyOnce.compare(expected, f.messages())).toList();
            for (int i = 0; i < followers.size(); i++) {
                System.out.println("FollowByNameIT, " + fault + ", " + followers.get(i).name + ": " + results.get(i));
            }
            for (int i = 0; i < followers.size(); i++) {
                assertThat(results.get(i).exact()).as("%s, %s: %s; stderr in %s", fault, followers.get(i).name, results.get(i),
                        followers.get(i).stderr).isTrue();
            }
        } finally {
            followers.forEach(Follower::stop);
        }
    }

    private static OutputStream append(Path file) throws IOException {
        return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String line(String message, boolean withOutput) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("timestamp", "2026-01-11T10:15:32.123456").put("session_id", "s1").put("event_type", "step_complete")
                .put("component", "reasoning").put("message", message).put("tokens", 5);
        ObjectNode meta = n.putObject("metadata");
        if (withOutput) {
            meta.put("output", OUTPUT);
        }
        return JSON.encodeToString(n) + "\n";
    }

    /** Numbered lines, one write each, with a pause after each. */
    private static final class Writer {
        final List<String> written = new ArrayList<>();

        void write(OutputStream out, int count, long pauseMillis) throws Exception {
            for (int i = 0; i < count; i++) {
                String message = "n" + (written.size() + 1);
                out.write(line(message, written.size() % 10 == 0).getBytes(StandardCharsets.UTF_8));
                out.flush();
                written.add(message);
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        }
    }

    /** A follower process: the messages of the lines it printed, its stderr in a file. */
    private static final class Follower {
        final String name;
        final Path stderr;
        final Process process;
        private final List<String> messages = new ArrayList<>();

        private Follower(String name, Path stderr, Process process) {
            this.name = name;
            this.stderr = stderr;
            this.process = process;
            Thread reader = new Thread(this::read, name + " output");
            reader.setDaemon(true);
            reader.start();
        }

        static Follower start(String name, Path dir, List<String> command) throws IOException {
            Path err = dir.resolve(name.replace(' ', '-') + ".err");
            return new Follower(name, err, new ProcessBuilder(command).redirectError(err.toFile()).start());
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = in.readLine()) != null) {
                    int at = l.indexOf(": ");
                    synchronized (this) {
                        messages.add(at < 0 ? l : l.substring(at + 2));
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process was stopped
            }
        }

        synchronized List<String> messages() {
            return List.copyOf(messages);
        }

        /** Waits (a minute at most: a guard against a hang, not a timing assertion) until a message came. */
        synchronized void await(String message) throws InterruptedException {
            long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(1);
            while (!messages.contains(message) && System.currentTimeMillis() < deadline) {
                wait(200);
            }
        }

        void stop() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
