package dev.sigil.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.codec.ByteSink;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.format.LineFields;
import dev.sigil.contract.format.MappedLines;

/**
 * The tailer finds each file's format from its first lines and finds it again after a rotation or a truncation
 * (docs/formats.md §7), and counts a model call written on several lines once, per file (§6).
 */
class TailerFormatsTest {

    private final MemoryTailSource source = new MemoryTailSource("log");
    private final EventLog log = new EventLog();
    private final Tailer tailer = new Tailer(source, TailOptions.defaults().withRotateWaitPolls(3), log);

    /** A seed-002 line (a level and an operation, no time): operation-log's, not pino's. */
    private static String operation(int n) {
        return "{\"timestamp\":\"2026-01-11T14:30:0" + n + ".000Z\",\"level\":\"info\",\"component\":\"router\",\"operation\":\"route\","
                + "\"message\":\"op " + n + "\"}\n";
    }

    /** A pino line: also an operation-log line (it has a level), so only the file's format says which it is. */
    private static String pino(int n) {
        return "{\"level\":30,\"time\":177244200" + n + "000,\"pid\":4312,\"hostname\":\"api-7f9c\",\"name\":\"billing\",\"msg\":\"pino " + n + "\"}\n";
    }

    /** A Claude Code assistant line of message {@code id} with {@code output} output tokens so far. */
    private static String assistant(String id, int output) {
        return "{\"type\":\"assistant\",\"sessionId\":\"7b2e4f10-9c3d-4a58-b6e1-2f0a9d8c7e65\",\"uuid\":\"u-" + id + output + "\","
                + "\"timestamp\":\"2026-03-02T09:14:07.000Z\",\"requestId\":\"req_" + id + "\",\"message\":{\"id\":\"msg_" + id + "\","
                + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],"
                + "\"usage\":{\"input_tokens\":10,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":100,\"output_tokens\":" + output + "}}}\n";
    }

    private List<String> formats() {
        return log.entries().stream().map(e -> e.event().format()).toList();
    }

    @Test
    void aRotatedFileIsSniffedAgain() {
        MemoryTailSource.File first = source.create();
        first.append(operation(1) + operation(2) + operation(3) + pino(1));
        tailer.poll();
        assertThat(formats()).containsExactly("operation-log", "operation-log", "operation-log", "operation-log");
        source.remove();
        source.create().append(pino(2) + pino(3) + pino(4));
        tailer.poll();
        assertThat(formats().subList(4, formats().size())).containsExactly("pino", "pino", "pino");
        assertThat(log.messages().subList(4, 7)).containsExactly("pino 2", "pino 3", "pino 4");
    }

    @Test
    void aTruncatedFileIsSniffedAgain() {
        MemoryTailSource.File f = source.create();
        f.append(operation(1) + operation(2));
        tailer.poll();
        f.truncate(0);
        f.append(pino(5));
        tailer.poll();
        assertThat(formats()).containsExactly("operation-log", "operation-log", "pino");
    }

    @Test
    void aCallWrittenOnSeveralLinesCountsOnceAtItsLastFiguresPerFile() {
        MemoryTailSource.File f = source.create();
        f.append(assistant("a", 2) + assistant("a", 40) + assistant("b", 7));
        tailer.poll();
        List<LogEvent> events = log.entries().stream().map(TailEntry::event).toList();
        // 10 input + 100 cache reads + output; the second line of call a adds its 38 more output tokens only.
        assertThat(events).extracting(LogEvent::tokens).containsExactly(112L, 38L, 117L);
        assertThat(events.stream().mapToLong(LogEvent::tokens).sum()).isEqualTo(110 + 40 + 110 + 7);
        source.remove();
        source.create().append(assistant("a", 40));
        tailer.poll();
        assertThat(log.entries().get(3).event().tokens()).as("another file: the call is new to it").isEqualTo(150L);
    }

    /** A consumer that wants each mapped line rendered from what it shows: its level and message, one event a line. */
    private static final class FieldsRender implements LineRender {
        @Override
        public boolean render(byte[] b, int from, int to, ByteSink out, boolean operationLogs) {
            return false;
        }

        @Override
        public boolean render(MappedLines lines, ByteSink out) {
            for (int i = 0; i < lines.size(); i++) {
                LineFields f = lines.get(i);
                out.writeAscii(f.level().name() + " " + f.format() + " " + (f.message() != null ? f.message()
                        : new String(f.messageBytes(), f.messageFrom(), f.messageTo() - f.messageFrom(), StandardCharsets.UTF_8)) + ";");
            }
            return true;
        }
    }

    @Test
    void aLineRenderedFromWhatItShowsHasTheEventsItWouldHaveHadRestatedCallsCountedOnce() {
        MemoryTailSource.File f = source.create();
        f.append(assistant("a", 2) + assistant("a", 40) + assistant("b", 7) + assistant("a", 41));
        tailer.poll();
        EventLog rendered = new EventLog();
        MemoryTailSource same = new MemoryTailSource("log");
        same.create().append(assistant("a", 2) + assistant("a", 40) + assistant("b", 7) + assistant("a", 41));
        try (Tailer renderingTailer = new Tailer(List.of(same), TailOptions.defaults(), rendered, FieldsRender::new)) {
            renderingTailer.poll();
        }
        assertThat(rendered.entries()).hasSize(4);
        assertThat(rendered.entries()).allSatisfy(e -> assertThat(new String(e.rendered(), StandardCharsets.UTF_8))
                .isEqualTo("INFO claude-code \"hi\";"));
        List<LogEvent> eager = log.entries().stream().map(TailEntry::event).toList();
        assertThat(rendered.entries().stream().map(TailEntry::event).toList()).isEqualTo(eager);
        assertThat(eager).extracting(LogEvent::tokens).containsExactly(112L, 38L, 117L, 1L);
    }
}
