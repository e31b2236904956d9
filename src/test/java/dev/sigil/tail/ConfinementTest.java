package dev.sigil.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths under the log directory that lead elsewhere through planted links are told apart from those that stay. */
class ConfinementTest {

    @TempDir
    Path dir;

    @Test
    void filesAndLinksThatStayInsideAreFine() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs/sessions/s1"));
        Path root = dir.resolve("logs");
        Files.writeString(logs.resolve("execution.jsonl"), "{}\n");
        Files.createSymbolicLink(root.resolve("current.jsonl"), Path.of("sessions/s1/execution.jsonl"));
        assertThat(Confinement.outside(root.resolve("sessions/s1/execution.jsonl"), root)).isNull();
        assertThat(Confinement.outside(root.resolve("current.jsonl"), root)).isNull();
        assertThat(Confinement.outside(root.resolve("sessions/new/execution.jsonl"), root)).as("not there yet").isNull();
        assertThat(Confinement.outside(dir.resolve("nowhere/execution.jsonl"), dir.resolve("nowhere"))).as("no log directory yet").isNull();
    }

    @Test
    void theLogDirectoryMayItselfBeALink() throws IOException {
        Path real = Files.createDirectories(dir.resolve("elsewhere/sessions/s1"));
        Files.writeString(real.resolve("execution.jsonl"), "{}\n");
        Path root = Files.createSymbolicLink(dir.resolve("logs"), dir.resolve("elsewhere"));
        assertThat(Confinement.outside(root.resolve("sessions/s1/execution.jsonl"), root)).isNull();
    }

    @Test
    void plantedLinksLeadingOutsideAreCaught() throws IOException {
        Path root = Files.createDirectories(dir.resolve("logs/sessions"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("execution.jsonl"), "{}\n");
        Files.createSymbolicLink(root.resolve("evil"), outside);
        Files.createDirectories(root.resolve("linked"));
        Files.createSymbolicLink(root.resolve("linked/execution.jsonl"), outside.resolve("execution.jsonl"));
        Files.createSymbolicLink(root.resolve("dangling"), dir.resolve("not-yet"));
        Files.createSymbolicLink(dir.resolve("logs/current.jsonl"), Path.of("../outside/execution.jsonl"));
        Path logs = dir.resolve("logs");
        assertThat(Confinement.outside(root.resolve("evil/execution.jsonl"), logs)).isEqualTo(outside.toRealPath().resolve("execution.jsonl"));
        assertThat(Confinement.outside(root.resolve("evil/not-there-yet.jsonl"), logs)).isEqualTo(outside.toRealPath());
        assertThat(Confinement.outside(root.resolve("linked/execution.jsonl"), logs)).isNotNull();
        assertThat(Confinement.outside(logs.resolve("current.jsonl"), logs)).isNotNull();
        assertThat(Confinement.outside(root.resolve("dangling/execution.jsonl"), logs)).as("a dangling link to outside").isNotNull();
    }

    @Test
    void aConfinedSourceRefusesToReadThroughALinkRetargetedOutside() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs/sessions/s1"));
        Files.writeString(logs.resolve("execution.jsonl"), EventLog.line("inside"));
        Path outside = Files.writeString(dir.resolve("secret.jsonl"), EventLog.line("secret"));
        Path current = Files.createSymbolicLink(dir.resolve("logs/current.jsonl"), Path.of("sessions/s1/execution.jsonl"));
        EventLog log = new EventLog();
        try (Tailer t = new Tailer(new FileTailSource(current).confinedTo(dir.resolve("logs")), TailOptions.defaults(), log)) {
            t.poll();
            Files.delete(current);
            Files.createSymbolicLink(current, outside);
            t.poll();
            t.poll();
        }
        assertThat(log.text()).containsExactly("inside", "UNREADABLE");
        assertThat(((TailEvent.FileChanged) log.events.get(1)).detail()).contains("outside the log directory");
    }
}
