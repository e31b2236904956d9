package dev.sigil.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Screens shown in the documentation, captured by a test from a real terminal, never typed: a block
 * {@code <!-- screen: NAME -->}, a fenced {@code text} block, {@code <!-- /screen -->}. The test compares what it
 * captured with the block; {@code -Dsnapshot.update=true} rewrites the block (refused when CI is set), to be looked
 * at before it is committed, as {@link Snapshots} are.
 */
public final class DocScreens {

    private DocScreens() {
    }

    public static void assertMatches(Path doc, String name, String screen) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        Pattern block = Pattern.compile("<!-- screen: " + Pattern.quote(name) + " -->\n```text\n(.*?)```\n<!-- /screen -->", Pattern.DOTALL);
        Matcher m = block.matcher(text);
        if (!m.find()) {
            fail(doc + " has no block <!-- screen: " + name + " --> ... <!-- /screen --> for the screen:\n" + screen);
        }
        String shown = screen.endsWith("\n") ? screen : screen + "\n";
        if (Boolean.getBoolean("snapshot.update")) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isEmpty()) {
                fail("-Dsnapshot.update=true is refused when CI is set");
            }
            String rewritten = text.substring(0, m.start(1)) + shown + text.substring(m.end(1));
            Files.writeString(doc, rewritten, StandardCharsets.UTF_8);
            return;
        }
        if (!m.group(1).equals(shown)) {
            fail("the screen " + name + " in " + doc + " differs from the one captured (rerun with -Dsnapshot.update=true, then"
                    + " review):\n" + Snapshots.diffOf(m.group(1), shown));
        }
    }
}
