package dev.sigil.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.tail.FileTailSource;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.Tailer;

/**
 * A printer reads no entry after its event, so the tailer writes later lines into the memory of earlier groups (ADR
 * 0302): over a log of many decode groups, with lines of every length, the printed lines are still those of the exact
 * path, each line read alone.
 */
class TailPrinterGroupsTest {

    @TempDir
    Path dir;

    @Test
    void aLogOfManyGroupsPrintsWhatEachLineReadAloneGives() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            // lengths from a few bytes of message to several kilobytes, so that groups differ in size and the kept
            // arrays are filled to different depths
            String message = ("line " + i + " \u00e9 \\\"q\\\" ").repeat(1 + (i * 7919) % 97 * ((i % 13 == 0) ? 20 : 1));
            log.append("{\"timestamp\":\"2026-01-11T10:").append(i % 60).append(":01.").append(i).append("\",\"event_type\":\"")
                    .append(i % 5 == 0 ? "step_error" : "step_complete").append("\",\"component\":\"c").append(i % 17)
                    .append("\",\"message\":\"").append(message).append("\",\"tokens\":").append(i).append(",\"metadata\":{\"n\":")
                    .append(i % 3 == 0 ? "null" : "[1,2.5,{\"k\":\"v\"}]").append("}}\n");
        }
        Path file = dir.resolve("log.jsonl");
        Files.writeString(file, log, StandardCharsets.UTF_8);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TailPrinter printer = new TailPrinter(out, new PrintWriter(new StringWriter()), "sigil tail", TailPrinter.Format.LINE, false, false);
        assertThat(printer.keepsEntries()).isFalse();
        try (Tailer tailer = new Tailer(List.of(new FileTailSource(file)), TailOptions.defaults(), printer, printer.render(),
                FormatSet.builtIn())) {
            tailer.readAll();
        }
        printer.flush();

        PythonJsonReader reader = new PythonJsonReader();
        StringBuilder expected = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            expected.append(LineFormat.format(reader.read(b, 0, b.length))).append('\n');
        }
        assertThat(Files.size(file)).as("several groups of 1 MiB").isGreaterThan(8L << 20);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }
}
