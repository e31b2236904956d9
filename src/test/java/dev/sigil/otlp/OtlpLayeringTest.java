package dev.sigil.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Where the OpenTelemetry libraries may be named (ADR 0130): the SDK only in {@code dev.sigil.otlp.export}, the
 * protocol's classes and protobuf only in {@code dev.sigil.otlp.receive}; the fold ({@code dev.sigil.otlp}) and the
 * reading ({@code dev.sigil.otlp.read}) name neither and nothing of the command line; of the command line only
 * {@code OtlpRun} reaches the SDK and only {@code ServeCommand} the receiver, so no other command loads them.
 */
class OtlpLayeringTest {

    private static final Path MAIN = Path.of("src/main/java").toAbsolutePath();
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;", Pattern.MULTILINE);
    private static final Pattern ANY_NAME = Pattern.compile("\\b(io\\.opentelemetry|com\\.google\\.protobuf|dev\\.sigil\\.otlp\\.(export|receive))\\b");

    /** "file: name" for each import (and each qualified use) of {@code forbidden} in the sources of {@code dir}. */
    private static List<String> uses(Path dir, boolean recursive, List<String> forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    String name = m.group(1);
                    if (forbidden.stream().anyMatch(name::startsWith)) {
                        found.add(MAIN.relativize(f) + ": " + name);
                    }
                }
                // Qualified names in the code (comments, which may name the packages, left out).
                Matcher q = ANY_NAME.matcher(text.replaceAll("(?m)^import .*$", "").replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", ""));
                while (q.find()) {
                    if (forbidden.stream().anyMatch(q.group()::startsWith)) {
                        found.add(MAIN.relativize(f) + ": " + q.group());
                    }
                }
            }
        }
        return found;
    }

    @Test
    void theFoldAndTheReadingNameNoLibraryOfTheWire() throws IOException {
        List<String> wire = List.of("io.opentelemetry", "com.google.protobuf", "dev.sigil.otlp.export", "dev.sigil.otlp.receive", "dev.sigil.cli");
        assertThat(uses(MAIN.resolve("dev/sigil/otlp"), false, wire)).isEmpty();
        assertThat(uses(MAIN.resolve("dev/sigil/otlp/read"), true, wire)).isEmpty();
    }

    @Test
    void theSdkOnlyInTheExportTheProtocolOnlyInTheReceiver() throws IOException {
        assertThat(uses(MAIN.resolve("dev/sigil/otlp/export"), true, List.of("com.google.protobuf", "io.opentelemetry.proto"))).isEmpty();
        assertThat(uses(MAIN.resolve("dev/sigil/otlp/receive"), true, List.of("io.opentelemetry.sdk", "io.opentelemetry.api",
                "io.opentelemetry.exporter"))).isEmpty();
        for (String pkg : List.of("contract", "log", "tail", "monitor", "print", "orchestrate", "validate", "tokens", "config", "cost", "prices", "spend", "report")) {
            assertThat(uses(MAIN.resolve("dev/sigil/" + pkg), true, List.of("io.opentelemetry", "com.google.protobuf", "dev.sigil.otlp")))
                    .as(pkg).isEmpty();
        }
    }

    @Test
    void onlyTwoFilesOfTheCommandLineReachThem() throws IOException {
        List<String> found = uses(MAIN.resolve("dev/sigil/cli"), false, List.of("io.opentelemetry", "com.google.protobuf",
                "dev.sigil.otlp.export", "dev.sigil.otlp.receive"));
        assertThat(found).allMatch(f -> f.startsWith("dev/sigil/cli/OtlpRun.java") || f.startsWith("dev/sigil/cli/ServeCommand.java"))
                .isNotEmpty();
    }
}
