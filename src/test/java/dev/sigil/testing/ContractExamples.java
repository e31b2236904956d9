package dev.sigil.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The conformance suite of contract/examples: every line of valid/*.jsonl and invalid/*.jsonl with its expected
 * verdict, and the exceptions that contract/examples/README.md lists. Lines are split here on raw newline bytes,
 * independently of sigil's own line splitter.
 */
public final class ContractExamples {

    /** One example line: {@code file} is "valid/x.jsonl" or "invalid/y.jsonl", {@code number} is 1-based. */
    public record Line(String file, int number, byte[] bytes) {
        public boolean expectedValid() {
            return file.startsWith("valid/");
        }

        public String name() {
            return file + ":" + number;
        }
    }

    /** A row of the README's exception table: {@code line} is "file" (every line) or "file:N". */
    public record Exception(String line, String implementation, boolean valid, String why) {
        public boolean covers(Line l) {
            return line.equals(l.file()) || line.equals(l.name());
        }
    }

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*([^|]+?)\\s*\\|\\s*(valid|invalid)\\s*\\|\\s*(.+?)\\s*\\|\\s*$");

    private ContractExamples() {
    }

    public static Path directory() {
        String home = System.getProperty("sigil.home");
        return (home != null ? Path.of(home) : Path.of("")).toAbsolutePath().resolve("contract/examples");
    }

    /** Every line of every example file, valid ones first, files in name order. */
    public static List<Line> lines() {
        List<Line> all = new ArrayList<>();
        for (String folder : List.of("valid", "invalid")) {
            for (Path file : files(folder)) {
                byte[] content = read(file);
                int start = 0;
                int number = 0;
                for (int i = 0; i <= content.length; i++) {
                    if (i == content.length || content[i] == '\n') {
                        if (i > start || i < content.length) {
                            all.add(new Line(folder + "/" + file.getFileName(), ++number, Arrays.copyOfRange(content, start, i)));
                        }
                        start = i + 1;
                    }
                }
            }
        }
        return all;
    }

    /** The example files of "valid" or "invalid", in name order. */
    public static List<Path> files(String folder) {
        try (Stream<Path> s = Files.list(directory().resolve(folder))) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of the "Listed exceptions" table of contract/examples/README.md. */
    public static List<Exception> exceptions() {
        String readme = new String(read(directory().resolve("README.md")), java.nio.charset.StandardCharsets.UTF_8);
        int section = readme.indexOf("## Listed exceptions");
        if (section < 0) {
            throw new IllegalStateException("contract/examples/README.md has no 'Listed exceptions' section");
        }
        List<Exception> rows = new ArrayList<>();
        for (String line : readme.substring(section).split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.add(new Exception(m.group(1), m.group(2).trim(), m.group(3).equals("valid"), m.group(4)));
            }
        }
        return rows;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
