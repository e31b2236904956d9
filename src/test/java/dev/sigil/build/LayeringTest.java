package dev.sigil.build;

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
 * Dependencies point inward (GUIDE practice 1), checked on the sources: the monitor's pure state knows nothing of
 * the terminal, picocli or I/O; the contract knows nothing of the command line; only the command line knows picocli.
 * A package that does not exist yet passes.
 */
class LayeringTest {

    private static final Path MAIN = Path.of("src/main/java").toAbsolutePath();
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;", Pattern.MULTILINE);

    /** "file: imported.name" for every import of a source under {@code pkg} that starts with one of {@code forbidden}. */
    private static List<String> imports(String pkg, List<String> forbidden) throws IOException {
        Path dir = MAIN.resolve(pkg.replace('.', '/'));
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String name = m.group(1);
                    if (forbidden.stream().anyMatch(f -> name.equals(f) || name.startsWith(f + "."))) {
                        found.add(MAIN.relativize(file) + ": " + name);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void monitorStateIsPure() throws IOException {
        assertThat(imports("dev.sigil.monitor.state", List.of("dev.tamboui", "picocli", "java.io"))).isEmpty();
    }

    @Test
    void theContractDoesNotKnowTheCommandLine() throws IOException {
        assertThat(imports("dev.sigil.contract", List.of("dev.sigil.cli"))).isEmpty();
    }

    @Test
    void theLayoutAndTheTerminalTextDependOnNothingAboveThem() throws IOException {
        // The bottom of the graph: every package may use them, so they may use nothing of sigil's but the terminal
        // policy (the layout quotes ids through it), and do no I/O.
        List<String> above = List.of("dev.sigil.cli", "dev.sigil.config", "dev.sigil.contract", "dev.sigil.log", "dev.sigil.tail",
                "dev.sigil.print", "dev.sigil.monitor", "dev.sigil.orchestrate", "dev.sigil.tokens", "dev.sigil.validate", "picocli",
                "java.io", "java.nio.file.Files");
        assertThat(imports("dev.sigil.layout", above)).isEmpty();
        List<String> textAbove = new ArrayList<>(above);
        textAbove.add("dev.sigil.layout");
        assertThat(imports("dev.sigil.text", textAbove)).isEmpty();
    }

    @Test
    void theTailerDoesNotPrint() throws IOException {
        assertThat(imports("dev.sigil.tail", List.of("dev.sigil.print", "dev.sigil.text"))).isEmpty();
    }

    @Test
    void onlyTheCommandLineKnowsPicocli() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> packages = Files.list(MAIN.resolve("dev/sigil"))) {
            for (Path p : packages.filter(Files::isDirectory).toList()) {
                String name = "dev.sigil." + p.getFileName();
                if (!name.equals("dev.sigil.cli")) {
                    offenders.addAll(imports(name, List.of("picocli")));
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theCheckSeesImports() throws IOException {
        // Guards the guard: the command line does import picocli, so a broken pattern would show here first.
        assertThat(imports("dev.sigil.cli", List.of("picocli"))).isNotEmpty();
    }
}
