package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared and hostile directories (seed 001 §11, issue 11), through real processes of the packaged jar: a log root,
 * {@code sessions/} or a session directory that belongs to another user or that others may write in is refused
 * (exit 2, the path, its owner and mode, and the fix in the message) by {@code orchestrate} and {@code sigil logs},
 * before anything is written; a session directory swapped for a link while a run writes it does not redirect the
 * rest of the run; files of another user, and hard links to files elsewhere, are never written through.
 */
class SharedDirectoryIT {

    @TempDir
    Path dir;

    @Test
    void directoriesOfAnotherUserOrThatOthersMayWriteInAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path foreignRoot = Files.createDirectories(dir.resolve("foreign/logs"));
        Files.setPosixFilePermissions(foreignRoot, PosixFilePermissions.fromString("rwx------"));
        OtherUser.owns(foreignRoot);
        Run r1 = sigil("orchestrate", "--log-path", foreignRoot.toString(), "--speed", "0", "Qualify this lead: Ada at Acme");
        assertRefused(r1, foreignRoot.toString(), "belongs to " + OtherUser.UID, "mode 0700", "Fix: chown ");
        assertThat(foreignRoot).isEmptyDirectory();

        Path open = Files.createDirectories(dir.resolve("open/logs/sessions"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Run r2 = sigil("orchestrate", "--log-path", open.getParent().toString(), "--speed", "0", "Summarize the market");
        assertRefused(r2, open.toString(), "its group and all other users may write in it", "mode 0777", "Fix: chmod 700 " + open);
        assertThat(open).isEmptyDirectory();
        Run maintenance = sigil("logs", "maintenance", "--log-path", open.getParent().toString());
        assertRefused(maintenance, open.toString(), "mode 0777");

        Path victim = Files.createDirectories(dir.resolve("mixed/logs/sessions/victim"));
        OtherUser.owns(victim);
        Run r3 = sigil("orchestrate", "--log-path", victim.getParent().getParent().toString(), "--session", "victim", "--speed", "0", "task");
        assertRefused(r3, victim.toString(), "belongs to " + OtherUser.UID);
        assertThat(victim).isEmptyDirectory();
        Files.createDirectories(victim.resolveSibling("mine"));
        Run listed = sigil("logs", "archive", "--log-path", victim.getParent().getParent().toString(), "--retention-days", "1");
        assertThat(listed.exit).as(listed.text).isEqualTo(2);
        assertThat(listed.text).contains("refused sessions/victim: refusing to write in " + victim);
        System.out.println("SharedDirectoryIT refusals:\n" + r1.text + r2.text + r3.text + listed.text);
    }

    @Test
    void aSessionDirectorySwappedForALinkDuringTheRunDoesNotRedirectTheRestOfIt() throws Exception {
        Path logs = dir.resolve("logs");
        Path outside = Files.createDirectories(dir.resolve("chosen-by-another-user"));
        Path victim = logs.resolve("sessions/victim");
        Process run = new ProcessBuilder(JavaChild.sigil("256m", "orchestrate", "--log-path", logs.toString(), "--session", "victim",
                "--speed", "0.3", "Qualify this lead: Ada at Acme")).redirectErrorStream(true).redirectOutput(dir.resolve("run.txt").toFile()).start();
        Path log = victim.resolve("execution.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(log) && Files.readAllLines(log).size() >= 2) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        boolean ended;
        try {
            assertThat(run.isAlive()).as("the run is still going when the directory is swapped").isTrue();
            Files.move(victim, victim.resolveSibling("victim.moved"));
            Files.createSymbolicLink(victim, outside);
            ended = run.waitFor(120, TimeUnit.SECONDS);
        } finally {
            run.destroyForcibly(); // never outlives the test
        }
        assertThat(ended).isTrue();
        Path moved = victim.resolveSibling("victim.moved");
        String said = Files.readString(dir.resolve("run.txt"));
        try (Stream<Path> written = Files.list(outside)) {
            assertThat(written.map(p -> p.getFileName().toString()).toList()).as("written into the directory the link leads to").isEmpty();
        }
        assertThat(moved.resolve("tokens.json")).as(said).exists();
        assertThat(moved.resolve("metrics.json")).exists();
        assertThat(moved.resolve("outputs.jsonl")).exists();
        assertThat(moved.resolve("session.json")).exists();
        assertThat(moved.resolve("status.json")).exists();
        assertThat(Files.readString(moved.resolve("execution.jsonl"))).contains("\"event_type\":\"session_complete\"");
    }

    @Test
    void filesOfAnotherUserAndHardLinksToFilesElsewhereAreNeverWrittenThrough() throws Exception {
        Path logs = dir.resolve("logs");
        Path sessions = Files.createDirectories(logs.resolve("sessions"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path precious = Files.writeString(outside.resolve("precious.txt"), "keep me\n");
        Files.setPosixFilePermissions(precious, PosixFilePermissions.fromString("rw-r--r--"));
        Path empty = Files.createFile(outside.resolve("collector.jsonl"));
        Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rw-r--r--"));

        Files.createLink(Files.createDirectories(sessions.resolve("lock-link")).resolve(".lock"), precious);
        Files.createLink(Files.createDirectories(sessions.resolve("log-link")).resolve("execution.jsonl"), empty);
        Path foreignLock = Files.createFile(Files.createDirectories(sessions.resolve("foreign-lock")).resolve(".lock"));
        OtherUser.owns(foreignLock);

        List<Run> runs = new ArrayList<>();
        for (String id : List.of("lock-link", "log-link", "foreign-lock")) {
            runs.add(sigil("orchestrate", "--log-path", logs.toString(), "--session", id, "--speed", "0", "task"));
        }
        assertRefused(runs.get(0), sessions.resolve("lock-link/.lock").toString(), "has 2 names (hard links)");
        assertRefused(runs.get(1), sessions.resolve("log-link/execution.jsonl").toString(), "has 2 names (hard links)");
        assertRefused(runs.get(2), foreignLock.toString(), "belongs to " + OtherUser.UID);
        assertThat(Files.readString(precious)).isEqualTo("keep me\n");
        assertThat(Files.readString(empty)).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(precious, LinkOption.NOFOLLOW_LINKS))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(empty, LinkOption.NOFOLLOW_LINKS))).isEqualTo("rw-r--r--");
    }

    @Test
    void aFifoPlantedInASessionDirectoryIsRefusedNeverOpened() throws Exception {
        Path logs = dir.resolve("logs");
        List<Run> runs = new ArrayList<>();
        for (String name : List.of("execution.jsonl", ".lock")) {
            String id = "fifo-" + name.replace(".", "");
            Path fifo = Files.createDirectories(logs.resolve("sessions").resolve(id)).resolve(name);
            Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).inheritIO().start();
            assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
            Run r = sigil("orchestrate", "--log-path", logs.toString(), "--session", id, "--speed", "0", "task");
            assertRefused(r, fifo.toString(), "not a regular file (a FIFO, socket or device)");
            runs.add(r);
        }
        System.out.println("SharedDirectoryIT FIFOs:\n" + runs.get(0).text + runs.get(1).text);
    }

    @Test
    void aMonitorOnTheLogDirectoryOfAnotherUserReadsItAndWritesNothingThere() throws Exception {
        Path foreignRoot = Files.createDirectories(dir.resolve("foreign/logs"));
        Path session = Files.createDirectories(foreignRoot.resolve("sessions/s1"));
        Path example = Path.of("contract/examples/valid/seed-001-session.jsonl");
        Files.copy(example, session.resolve("execution.jsonl"));
        for (Path p : List.of(session.resolve("execution.jsonl"), session, session.getParent(), foreignRoot)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            OtherUser.owns(p);
        }
        Run r = sigil("monitor", "--mode", "stream", "--no-follow", "--log-path", foreignRoot.toString(), "--session", "s1");
        try (Stream<Path> entries = Files.list(foreignRoot)) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList()).as("nothing written in the other user's log root")
                    .containsExactly("sessions");
        }
        assertThat(r.text).doesNotContain("Exception", "\tat ")
                .contains("could not update " + foreignRoot.resolve("monitor.pid"), "belongs to " + OtherUser.UID, "monitoring goes on");
        long shown = r.text.lines().filter(l -> l.contains("Intent classified as: lead_analysis")).count();
        assertThat(shown).as(r.text).isEqualTo(1);
    }

    private static void assertRefused(Run r, String... says) {
        assertThat(r.exit).as(r.text).isEqualTo(2);
        assertThat(r.text).contains(says).doesNotContain("Exception", "\tat ");
    }

    private record Run(int exit, String text) {
    }

    private Run sigil(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(JavaChild.sigil("256m", args)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor(); // a hung run must not outlive the test
        }
        assertThat(ended).as("sigil " + String.join(" ", args) + " ended within 60 s; it said: " + Files.readString(out)).isTrue();
        return new Run(p.exitValue(), Files.readString(out));
    }
}
