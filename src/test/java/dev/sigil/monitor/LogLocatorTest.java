package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.layout.SessionId;
import dev.sigil.monitor.state.SessionChoice;

class LogLocatorTest {

    @TempDir
    Path logs;

    @Test
    void aSessionIsFoundUnderSessionsAndPrintedAsPythonWould() {
        LogTarget t = new LogLocator(logs + "/./").session(SessionId.of("abc"));
        assertThat(t.file().normalize()).isEqualTo(logs.resolve("sessions/abc/execution.jsonl"));
        assertThat(t.shown()).isEqualTo(logs + "/sessions/abc/execution.jsonl");
        assertThat(t.session()).isEqualTo("abc");
    }

    @Test
    void theActiveSessionIsNamedAfterWhereCurrentPoints() throws IOException {
        Files.createDirectories(logs.resolve("sessions/s-42"));
        Files.writeString(logs.resolve("sessions/s-42/execution.jsonl"), "");
        LogLocator locator = new LogLocator(logs.toString());
        assertThat(locator.active().session()).isEqualTo("current");
        Files.createSymbolicLink(logs.resolve("current.jsonl"), Path.of("sessions/s-42/execution.jsonl"));
        assertThat(locator.active().session()).isEqualTo("s-42");
        assertThat(locator.active().file()).isEqualTo(logs.resolve("current.jsonl"));
    }

    @Test
    void aDirectoryMeansItsExecutionLog() throws IOException {
        Path dir = Files.createDirectories(logs.resolve("sessions/d1"));
        LogTarget t = new LogLocator(logs.toString()).path(dir.toString());
        assertThat(t.file()).isEqualTo(dir.resolve("execution.jsonl"));
        assertThat(t.session()).isEqualTo("d1");
        assertThat(new LogLocator(logs.toString()).path(logs.resolve("other.jsonl").toString()).session()).isEqualTo("other");
        Files.writeString(dir.resolve("execution.3.jsonl"), "");
        assertThat(new LogLocator(logs.toString()).path(dir.resolve("execution.3.jsonl").toString()).session()).as("a rotated part")
                .isEqualTo("d1");
    }

    @Test
    void sessionsAreListedNewestFirstAndOddEntriesAreLeftOut() throws IOException {
        for (String id : new String[] {"old", "new", "bad name", "no-log"}) {
            Files.createDirectories(logs.resolve("sessions").resolve(id));
        }
        Files.writeString(logs.resolve("sessions/old/execution.jsonl"), "{}\n");
        Files.writeString(logs.resolve("sessions/new/execution.jsonl"), "{}\n{}\n");
        Files.writeString(logs.resolve("sessions/bad name/execution.jsonl"), "{}\n");
        Files.setLastModifiedTime(logs.resolve("sessions/old/execution.jsonl"), FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(logs.resolve("sessions/new/execution.jsonl"), FileTime.fromMillis(2_000_000));
        assertThat(new LogLocator(logs.toString()).sessions()).extracting(SessionChoice::id).containsExactly("new", "old");
        assertThat(new LogLocator(logs.resolve("nowhere").toString()).sessions()).isEmpty();
    }
}
