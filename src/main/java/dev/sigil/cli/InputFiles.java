package dev.sigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opening the inputs a command names: a path, or "-" for standard input; failures become one-line reasons. */
final class InputFiles {

    private InputFiles() {
    }

    /** Opens {@code name} ("-" is stdin, which is not closed by the caller's close). */
    static InputStream open(String name, Environment env) {
        if ("-".equals(name)) {
            return new java.io.FilterInputStream(env.stdin()) {
                @Override
                public void close() {
                    // standard input stays open for whoever comes next
                }
            };
        }
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            throw UserError.usage(name + ": is a directory");
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw UserError.usage(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw UserError.usage(name + ": permission denied");
        } catch (IOException e) {
            throw UserError.usage(name + ": cannot read: " + e.getMessage());
        }
    }

    /** Size of a regular file, or -1 (stdin, pipes). */
    static long size(String name) {
        if ("-".equals(name)) {
            return -1;
        }
        try {
            Path p = Path.of(name);
            return Files.isRegularFile(p) ? Files.size(p) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
