package dev.sigil.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Screen captures in a Markdown document, taken by a test from a real terminal, never typed: each is a fenced
 * {@code text} block right after a {@code <!-- capture: NAME -->} line. A test compares what it captured with the
 * block; with {@code -Dsnapshot.update=true} (refused on CI, as for {@link Snapshots}) it writes the capture into the
 * document instead, to be reviewed before it is committed.
 *
 * <p>A capture of a live run cannot be the same twice (times, latencies): {@link #assertShape} checks only that the
 * document's capture is of the same screen (its size, its panels, what it names), and the update writes the new one.
 */
public final class DocCaptures {

    private final Path doc;

    public DocCaptures(Path doc) {
        this.doc = doc;
    }

    /** The capture {@code name} in the document is exactly {@code screen}. */
    public void assertSame(String name, String captured) throws IOException {
        String screen = captured.endsWith("\n") ? captured.substring(0, captured.length() - 1) : captured;
        if (update(name, screen)) {
            return;
        }
        String documented = read(name);
        if (!documented.equals(screen)) {
            fail("capture '" + name + "' in " + doc + " differs from the screen (rerun with -Dsnapshot.update=true, then review):\n"
                    + Snapshots.diffOf(documented, screen));
        }
    }

    /**
     * The capture {@code name} in the document is of the same screen as {@code screen}: as many lines, the same
     * panel borders on the same lines, and every phrase of {@code phrases} in both.
     */
    public void assertShape(String name, String screen, List<String> phrases) throws IOException {
        if (update(name, screen)) {
            return;
        }
        String documented = read(name);
        List<String> a = documented.lines().toList();
        List<String> b = screen.lines().toList();
        assertThat(a).as("capture '%s': lines", name).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(borders(a.get(i))).as("capture '%s': the borders of line %d", name, i + 1).isEqualTo(borders(b.get(i)));
        }
        for (String p : phrases) {
            assertThat(documented).as("capture '%s' in the document", name).contains(p);
            assertThat(screen).as("capture '%s' on the screen", name).contains(p);
        }
    }

    /** Where the box corners and the panels' titles are: a line of a panel's top edge, as its title words. */
    private static String borders(String line) {
        Matcher m = Pattern.compile("╭ ([A-Za-z]+)").matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            out.append(m.group(1)).append(' ');
        }
        return out.toString();
    }

    private boolean update(String name, String screen) throws IOException {
        if (!Boolean.getBoolean("snapshot.update")) {
            return false;
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isEmpty()) {
            fail("-Dsnapshot.update=true is refused when CI is set: captures are rewritten on purpose, by a person");
        }
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        Matcher m = block(name).matcher(text);
        if (!m.find()) {
            fail(doc + " has no '<!-- capture: " + name + " -->' followed by a ```text block");
        }
        String updated = text.substring(0, m.start(1)) + screen + "\n" + text.substring(m.end(1));
        Files.writeString(doc, updated, StandardCharsets.UTF_8);
        return true;
    }

    private String read(String name) throws IOException {
        Matcher m = block(name).matcher(Files.readString(doc, StandardCharsets.UTF_8));
        if (!m.find()) {
            fail(doc + " has no '<!-- capture: " + name + " -->' followed by a ```text block");
        }
        String body = m.group(1);
        return body.endsWith("\n") ? body.substring(0, body.length() - 1) : body;
    }

    private static Pattern block(String name) {
        return Pattern.compile("<!-- capture: " + Pattern.quote(name) + " -->\\n```text\\n(.*?)```", Pattern.DOTALL);
    }
}
