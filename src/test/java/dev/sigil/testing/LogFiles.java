package dev.sigil.testing;

import java.io.ByteArrayOutputStream;
import java.util.List;

import dev.sigil.contract.codec.PythonJsonWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Whole log files for properties of the line-by-line commands: valid and invalid entries as CPython writes them and in
 * other surface forms, blank lines, lines that are not JSON, \r\n endings, the odd very long line, with or without a
 * final newline.
 */
public final class LogFiles {

    private static final PythonJsonWriter WRITER = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);

    private LogFiles() {
    }

    public static Arbitrary<byte[]> files() {
        Arbitrary<byte[]> line = Arbitraries.frequencyOf(
                Tuple.of(12, EntryArbitraries.entries().map(WRITER::encode)),
                Tuple.of(3, JsonTexts.of(EntryArbitraries.entries())),
                Tuple.of(2, Arbitraries.of("", " ", "\t", "\r").map(String::getBytes)),
                Tuple.of(2, JsonTextArbitraries.lines()),
                Tuple.of(1, Arbitraries.integers().between(100, 3000).map(n -> ("{\"message\":\"" + "x".repeat(n) + "\"}").getBytes())));
        return Arbitraries.oneOf(line.list().ofMaxSize(60), Arbitraries.just(List.<byte[]>of())).flatMap(lines ->
                Arbitraries.of(true, false).map(finalNewline -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    for (int i = 0; i < lines.size(); i++) {
                        out.writeBytes(lines.get(i));
                        if (i < lines.size() - 1 || finalNewline) {
                            out.write('\n');
                        }
                    }
                    return out.toByteArray();
                }));
    }
}
