package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.monitor.state.EventRow;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.SessionStats;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Enter on an event: its whole entry read back from its log, where it is now, or said to be gone. */
class EntryReaderTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path root;

    /** A reasoning step whose output is an LLM answer of {@code size} characters, with non-ASCII text and an escape. */
    private static String step(String time, int size) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("timestamp", "2026-01-11T10:15:" + time).put("session_id", "s1").put("event_type", "step_complete")
                .put("component", "reasoning").put("message", "Analysis \u001b[31mdone\u001b[0m 東京").put("tokens", 900);
        n.putObject("metadata").put("latency_ms", 1200.5).put("output", "x".repeat(size - 1) + "!");
        return new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT).encodeToString(n);
    }

    private LogTarget target() {
        return new LogLocator(root.toString()).session(dev.sigil.layout.SessionId.of("s1"));
    }

    private Path log(String... lines) throws IOException {
        Path log = Files.createDirectories(root.resolve("sessions/s1")).resolve("execution.jsonl");
        Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return log;
    }

    /** The rows the monitor keeps of the log now, read as the dashboard reads it. */
    private List<EventRow> rows() {
        SessionStats s = LogSnapshot.read(target(), 1 << 20, 0, dev.sigil.spend.Prices.NONE);
        return s.recent().items();
    }

    @Test
    void theWholeEntryComesBackPrettyWithItsFileAndLine() throws IOException {
        log(Lines.start("2026-01-11T10:15:00", "s1", 1000), step("01", 64 * 1024), step("02", 4096));
        EventRow row = rows().get(1);
        assertThat(row.position()).isEqualTo(new MonitorAction.Position(target().shown(), 2, Lines.start("2026-01-11T10:15:00", "s1", 1000)
                .getBytes(StandardCharsets.UTF_8).length + 1));
        MonitorAction.EntryRead read = EntryReader.read(target(), row, 1 << 20);
        assertThat(read.problem()).isEmpty();
        assertThat(read.where()).isEqualTo(target().shown() + ":2");
        assertThat(read.lines().get(0)).isEqualTo("{");
        assertThat(read.lines()).contains("  \"component\": \"reasoning\",", "    \"latency_ms\": 1200.5,",
                "  \"message\": \"Analysis \\u001b[31mdone\\u001b[0m 東京\",");
        String output = read.lines().stream().filter(l -> l.contains("\"output\"")).findFirst().orElseThrow();
        assertThat(output).as("not cut as the table cuts it").hasSize("    \"output\": \"\"".length() + 64 * 1024).endsWith("!\"");
    }

    @Test
    void anEntryRotatedAwayIsFoundInItsPartAndOneThatIsGoneIsSaidSo() throws IOException {
        Path log = log(Lines.start("2026-01-11T10:15:00", "s1", 1000), step("01", 4096));
        EventRow row = rows().get(1);
        Files.move(log, log.resolveSibling("execution.1.jsonl"));
        Files.writeString(log, step("09", 100) + "\n");
        MonitorAction.EntryRead read = EntryReader.read(target(), row, 1 << 20);
        assertThat(read.where()).isEqualTo(log.resolveSibling("execution.1.jsonl").toRealPath() + ":2");
        assertThat(read.lines()).isNotEmpty();
        Files.writeString(log.resolveSibling("execution.1.jsonl"), step("08", 100) + "\n" + step("07", 4000) + "\n");
        MonitorAction.EntryRead gone = EntryReader.read(target(), row, 1 << 20);
        assertThat(gone.lines()).isEmpty();
        assertThat(gone.problem()).startsWith("this entry is no longer at line 2 of " + target().shown());
    }

    @Test
    void escapesOfPrintableCharactersAreShownAsTheCharactersAndControlsStayEscaped() {
        assertThat(EntryReader.unescapePrintable("\"\\u6771\\u4eac\"")).isEqualTo("\"東京\"");
        assertThat(EntryReader.unescapePrintable("\"\\u001b[31m\\u009b\"")).isEqualTo("\"\\u001b[31m\\u009b\"");
        assertThat(EntryReader.unescapePrintable("\"\\\\u0041 \\\" \\n\"")).isEqualTo("\"\\\\u0041 \\\" \\n\"");
        assertThat(EntryReader.unescapePrintable("\"\\ud83d\\ude00 \\ud83d x\"")).isEqualTo("\"😀 \\ud83d x\"");
        assertThat(EntryReader.unescapePrintable("\"\\u00e9\\u00a0\"")).isEqualTo("\"é\u00a0\"");
    }
}
