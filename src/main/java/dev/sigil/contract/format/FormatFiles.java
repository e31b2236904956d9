package dev.sigil.contract.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads format definitions from files: one file, or every {@code *.yaml}, {@code *.yml} and {@code *.json} file of a
 * directory in the order of their names (docs/formats.md §7). A definition file must be a regular file of at most
 * {@value #MAX_FILE_BYTES} bytes (a FIFO or a device is refused before it is opened). Every problem of every file is
 * collected; a file with a problem gives no definition.
 */
public final class FormatFiles {

    /** Largest definition file read. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    /**
     * What was read.
     *
     * @param definitions the definitions that could be read, in order
     * @param errors every problem, as FILE:LINE: KEY: message (or FILE: message)
     */
    public record Loaded(List<FormatDefinition> definitions, List<String> errors) {
    }

    private FormatFiles() {
    }

    /**
     * The definitions in {@code places}, each a file or a directory; a place that does not exist is an error unless
     * {@code missingIsFine} (the default directory {@code ~/.sigil/formats} need not exist).
     */
    public static Loaded read(List<Path> places, boolean missingIsFine) {
        List<FormatDefinition> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path place : places) {
            if (Files.isDirectory(place)) {
                for (Path file : files(place, errors)) {
                    add(readFile(file), out, errors);
                }
            } else if (Files.exists(place)) {
                add(readFile(place), out, errors);
            } else if (!missingIsFine) {
                errors.add(place + ": no such file or directory");
            }
        }
        return new Loaded(List.copyOf(out), List.copyOf(errors));
    }

    /** One definition file. */
    public static DefinitionReader.Result readFile(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            return failed(name + (Files.exists(file) ? ": not a regular file" : ": no such file"));
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return failed(name + ": larger than " + (MAX_FILE_BYTES >> 20) + " MiB, too large for a format definition");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                return failed(name + ": larger than " + (MAX_FILE_BYTES >> 20) + " MiB, too large for a format definition");
            }
            return DefinitionReader.read(name, bytes);
        } catch (NoSuchFileException e) {
            return failed(name + ": no such file");
        } catch (IOException e) {
            return failed(name + ": cannot read: " + e.getMessage());
        }
    }

    /** The text of a definition: the built-in one's as it ships, a user's as its file holds it now. */
    public static String text(FormatDefinition d) {
        try {
            if (d.builtIn()) {
                try (InputStream in = FormatFiles.class.getClassLoader().getResourceAsStream(BuiltinFormats.resource(d.name()))) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            return Files.readString(Path.of(d.source()));
        } catch (IOException | RuntimeException e) {
            return "# " + d.source() + ": cannot read it: " + e.getMessage() + "\n";
        }
    }

    private static List<Path> files(Path dir, List<String> errors) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            for (Path f : all) {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!n.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"))) {
                    files.add(f);
                }
            }
        } catch (IOException e) {
            errors.add(dir + ": cannot read the directory: " + e.getMessage());
        }
        files.sort(null);
        return files;
    }

    private static void add(DefinitionReader.Result r, List<FormatDefinition> out, List<String> errors) {
        if (r.definition() != null) {
            out.add(r.definition());
        } else {
            errors.addAll(r.errors());
        }
    }

    private static DefinitionReader.Result failed(String message) {
        return new DefinitionReader.Result(null, List.of(message));
    }
}
