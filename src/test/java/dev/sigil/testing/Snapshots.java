package dev.sigil.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden text snapshots under {@code src/test/resources/snapshots/}: compared as text, with a line-by-line diff on
 * failure. They are rewritten only on purpose, with {@code -Dsnapshot.update=true}, and never on CI (env {@code CI}
 * set): a rewritten snapshot must be looked at before it is committed.
 */
public final class Snapshots {

    private static final Path ROOT = Path.of("src/test/resources/snapshots");

    private Snapshots() {
    }

    public static void assertMatches(String name, String actual) {
        Path file = ROOT.resolve(name + ".txt");
        boolean update = Boolean.getBoolean("snapshot.update");
        if (update) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isEmpty()) {
                fail("-Dsnapshot.update=true is refused when CI is set: snapshots are rewritten on purpose, by a person");
            }
            write(file, actual);
            return;
        }
        if (!Files.exists(file)) {
            fail("no snapshot " + file + "; create it with -Dsnapshot.update=true and review it. Actual:\n" + actual);
        }
        String expected = read(file);
        if (!expected.equals(actual)) {
            fail("snapshot " + file + " differs (rerun with -Dsnapshot.update=true to accept, then review):\n"
                    + diff(expected, actual));
        }
    }

    /** Lines that differ, marked {@code -} (expected) and {@code +} (actual), with their line numbers. */
    public static String diffOf(String expected, String actual) {
        return diff(expected, actual);
    }

    static String diff(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : null;
            String y = i < b.size() ? b.get(i) : null;
            if (x == null || !x.equals(y)) {
                out.append(String.format("%4d - %s%n", i + 1, x == null ? "(none)" : "|" + x + "|"));
                out.append(String.format("%4d + %s%n", i + 1, y == null ? "(none)" : "|" + y + "|"));
            }
        }
        return out.toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
