package dev.sigil.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.zeroturnaround.exec.ProcessExecutor;

/**
 * A real terminal for tests: a tmux server of the test's own (its own socket, {@code -L}, so that no other test
 * and no user's tmux is touched), one session of a given size running a shell command. Keys are sent as a user types
 * them, screens are read with {@code capture-pane}. Closing it kills its server and whatever ran in it.
 */
public final class Tmux implements AutoCloseable {

    /** After Esc, a terminal waits this long for the rest of an escape sequence: send the next key later than that. */
    private static final long AFTER_ESCAPE_MILLIS = 700;

    private final String socket = "sigil-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final String session = "t";

    private Tmux() {
    }

    /** A terminal of {@code width} x {@code height} running {@code script} with bash. */
    public static Tmux start(int width, int height, String script) throws Exception {
        Tmux t = new Tmux();
        t.tmux("-f", "/dev/null", "new-session", "-d", "-s", t.session, "-x", Integer.toString(width), "-y", Integer.toString(height),
                "bash --norc --noprofile -c " + quote(script));
        t.tmux("set-option", "-t", t.session, "status", "off");
        return t;
    }

    /** A server of the test's own with no session yet, for a test that makes its sessions itself with {@link #command}. */
    public static Tmux server() {
        return new Tmux();
    }

    /** Any tmux command on this server ({@code new-session}, {@code set-option}, {@code display-message}, ...); its output. */
    public String command(String... args) throws Exception {
        return tmux(args);
    }

    /** Single quotes for bash around {@code s}. */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Types {@code keys} (tmux key names: {@code Enter}, {@code Escape}, {@code Up}, {@code C-c}, or text with -l). */
    public void keys(String... keys) throws Exception {
        for (String k : keys) {
            tmux("send-keys", "-t", session, k);
            if (k.equals("Escape")) {
                Thread.sleep(AFTER_ESCAPE_MILLIS); // else the next key is read as Alt-key
            }
        }
    }

    /** Types {@code text} literally, one character after another. */
    public void type(String text) throws Exception {
        tmux("send-keys", "-t", session, "-l", text);
    }

    public void resize(int width, int height) throws Exception {
        tmux("resize-window", "-t", session, "-x", Integer.toString(width), "-y", Integer.toString(height));
    }

    /** The screen now, as text, trailing spaces of each line removed. */
    public String screen() throws Exception {
        return strip(tmux("capture-pane", "-p", "-t", session));
    }

    /** The screen with the lines that scrolled off above it (up to {@code lines} of them). */
    public String history(int lines) throws Exception {
        return strip(tmux("capture-pane", "-p", "-S", "-" + lines, "-t", session));
    }

    /** The screen with its styles as escape sequences ({@code capture-pane -e}). */
    public String styledScreen() throws Exception {
        return tmux("capture-pane", "-p", "-e", "-t", session);
    }

    /** A value of tmux's formats for the session's pane, e.g. {@code #{alternate_on}}. */
    public String format(String format) throws Exception {
        return tmux("display-message", "-p", "-t", session, format).trim();
    }

    /** The screen once {@code condition} holds; fails with the last screen after {@code wait}. */
    public String waitFor(Predicate<String> condition, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen();
            if (condition.test(screen)) {
                return screen;
            }
            Thread.sleep(100); // polling a real terminal; no timing is asserted
        }
        throw new AssertionError("the screen never showed what was expected; last screen:\n" + screen);
    }

    /**
     * The screen once it has stopped changing for a few looks in a row and {@code condition} holds: what a capture
     * for the documentation is taken from (never half a frame).
     */
    public String settled(Predicate<String> condition, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        String last = "";
        int same = 0;
        while (System.nanoTime() < deadline) {
            String now = screen();
            same = now.equals(last) ? same + 1 : 0;
            last = now;
            if (same >= 3 && condition.test(now)) {
                return now;
            }
            Thread.sleep(150);
        }
        throw new AssertionError("the screen never settled on what was expected; last screen:\n" + last);
    }

    @Override
    public void close() throws Exception {
        tmux("kill-server");
    }

    private static String strip(String screen) {
        List<String> lines = new ArrayList<>();
        for (String l : screen.split("\n", -1)) {
            lines.add(l.stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    private String tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        try {
            return new ProcessExecutor().command(cmd).readOutput(true).redirectErrorStream(true)
                    .timeout(20, TimeUnit.SECONDS).execute().outputUTF8();
        } catch (IOException e) {
            throw new AssertionError("tmux is needed for this test (apt-get install tmux): " + e.getMessage(), e);
        }
    }
}
