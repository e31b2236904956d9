package dev.sigil.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The classes a command of the packaged launcher loads, from the JVM's class-loading log: for the tests that check
 * that a library loads only for the commands that use it (ADR 0130, 0140). Runs in {@code dir}, with it as the home.
 */
public final class ClassLoading {

    private static final Path HOME = Path.of(System.getProperty("sigil.home", ".")).toAbsolutePath();

    private final Path dir;

    public ClassLoading(Path dir) {
        this.dir = dir;
    }

    /** The launcher running {@code args}, writing the classes it loads to {@code classes}. */
    public ProcessBuilder launcher(Path classes, String... args) {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("scripts/sigil").toString()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile());
        b.environment().put("SIGIL_NO_BUILD", "1");
        b.environment().put("HOME", dir.toString());
        b.environment().put("SIGIL_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);
        return b;
    }

    /** Runs {@code args} to its end (its output dropped) and gives the names of the classes it loaded. */
    public List<String> loaded(String... args) throws Exception {
        Path classes = dir.resolve("classes-" + String.join("-", args).replaceAll("[^A-Za-z0-9-]", "_") + ".txt");
        Process p = launcher(classes, args).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return names(classes);
    }

    /** The class names of a class-loading log. */
    public static List<String> names(Path classes) throws Exception {
        return Files.readAllLines(classes, StandardCharsets.UTF_8).stream().map(l -> {
            int at = l.indexOf("] ");
            String rest = at < 0 ? l : l.substring(at + 2);
            int space = rest.indexOf(' ');
            return space < 0 ? rest : rest.substring(0, space);
        }).toList();
    }

    /** The classes of {@code classes} in any of the packages {@code prefixes}. */
    public static List<String> of(List<String> classes, List<String> prefixes) {
        return classes.stream().filter(c -> prefixes.stream().anyMatch(c::startsWith)).toList();
    }
}
