package dev.sigil.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A scratch directory laid out as the repository's root for the documentation's commands: a copy of
 * {@code docs/examples} and a {@code scripts/sigil} that runs the repository's launcher (and so its jar). The documents' commands run in it as they are written; what they write (a monitor's {@code monitor.pid} and
 * {@code .monitor.lock} in the log root) lands here, never in the source tree.
 */
public final class ExampleTree {

    private ExampleTree() {
    }

    /** Lays {@code dir} out from the repository at {@code root}; returns {@code dir}. */
    public static Path create(Path root, Path dir) throws IOException {
        Path from = root.resolve("docs/examples");
        Path to = dir.resolve("docs/examples");
        try (Stream<Path> all = Files.walk(from)) {
            all.forEach(p -> copy(p, to.resolve(from.relativize(p).toString())));
        }
        Path launcher = Files.createDirectories(dir.resolve("scripts")).resolve("sigil");
        Files.writeString(launcher, "#!/bin/sh\nexec " + Tmux.quote(root.resolve("scripts/sigil").toString()) + " \"$@\"\n");
        if (!launcher.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + launcher + " executable");
        }
        return dir;
    }

    private static void copy(Path from, Path to) {
        try {
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
            } else {
                Files.copy(from, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
