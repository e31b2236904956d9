package dev.sigil.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.event.LogEventDecoder;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What {@link TailPrinter} gathers for stdout reaches it whole and in order, at a flush (ADR 0275). */
class TailPrinterOutputTest {

    private static JsonNode entry(String message) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("timestamp", "2026-01-11T10:00:01.008795");
        o.put("event_type", "step_complete");
        o.put("component", "reasoning");
        o.put("message", message);
        return o;
    }

    @Test
    void linesOfEverySizeComeOutWholeAndInOrderAtTheFlush() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TailPrinter printer = new TailPrinter(out, new PrintWriter(new StringWriter()), "sigil tail", TailPrinter.Format.LINE, false, false);
        List<TailEntry> entries = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        // short lines that fill the 64 KiB buffer several times over, and lines longer than it, one after the other
        int[] sizes = {10, 70_000, 3, 65_500, 65_536, 200, 131_072, 1};
        for (int round = 0; round < 400; round++) {
            String message = "m".repeat(sizes[round % sizes.length]) + round;
            JsonNode json = entry(message);
            entries.add(new TailEntry(round + 1, 0, json, LogEventDecoder.decode(json), false));
            expected.append(LineFormat.format(json)).append('\n');
        }
        printer.onEvent(new TailEvent.Lines("log.jsonl", entries));
        assertThat(out.size()).as("bytes before the flush").isLessThan(expected.length());
        printer.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Test
    void jsonlLinesAreGatheredTooAndEachEndsWithANewline() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TailPrinter printer = new TailPrinter(out, new PrintWriter(new StringWriter()), "sigil tail", TailPrinter.Format.JSONL, false, false);
        JsonNode json = entry("x");
        printer.onEvent(new TailEvent.Lines("log.jsonl", List.of(new TailEntry(1, 0, json, LogEventDecoder.decode(json), false),
                new TailEntry(2, 0, json, LogEventDecoder.decode(json), false))));
        printer.flush();
        String line = "{\"timestamp\":\"2026-01-11T10:00:01.008795\",\"event_type\":\"step_complete\",\"component\":\"reasoning\",\"message\":\"x\"}\n";
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(line + line);
    }
}
