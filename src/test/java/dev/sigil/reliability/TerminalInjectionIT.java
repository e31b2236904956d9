package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.tail.Oracles;
import dev.sigil.testing.Tmux;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Terminal escape injection, in a real terminal (a tmux server of the test's own): a log whose messages, component,
 * error, session id and file name carry colours, screen clears and cursor moves, window and pane titles (OSC 0/2,
 * tmux's ESC k), a clipboard write (OSC 52), a hyperlink (OSC 8), a DCS (tmux's passthrough), C1 controls, a bidi
 * override, backspaces and carriage returns, read by {@code sigil tail}, {@code sigil monitor} (stream and dashboard),
 * {@code sigil validate} and {@code scripts/file_monitor.sh} (the jq tail, its notes on stderr too) as a user runs
 * them on a terminal. Every sequence is shown as text and none is acted on: the pane's title and the window's name stay
 * what the test set, no paste buffer appears, and the screen holds no injected colour. A control at the end sends
 * the same sequences raw, to prove that this tmux would have obeyed them.
 */
class TerminalInjectionIT {

    private static final Duration WAIT = new Duration(40);
    /** What the text modes show of the hostile log: every sequence as text. */
    private static final List<String> SHOWN = List.of("colour ^[[38;5;201mMAGENTA^[[0m", "clear ^[[2J^[[H home, move ^[[5;5HHERE",
            "title ^[]0;PWNED-TITLE^G", "tmux name ^[kPWNED-WINDOW^[\\", "clipboard ^[]52;c;UFdORUQtQ0xJUA==^G",
            "link ^[]8;;https://evil.example/^Gclick me", "erase^H^H^H^H^HXXXXX and \\rCR-OVERWRITE", "C1 <U+009B>38;5;201m",
            "dcs ^[Ptmux;^[^[]52;c;UFdORUQtQ0xJUA==^G^[\\ done", "bidi <U+202E>DENWP", "evil^[]0;PWNED-FILE^G.jsonl");
    private static final Pattern INJECTED_COLOUR = Pattern.compile("\u001b\\[[0-9;]*(38;5;201|48;5;46|38;2;255;0;255)[0-9;]*m");

    private record Duration(int seconds) {
    }

    @TempDir
    Path dir;

    private final Tmux server = Tmux.server();


    @AfterEach
    void stopServer() throws Exception {
        tmux("kill-server");
    }

    @Test
    void noSequenceFromALogReachesTheTerminal() throws Exception {
        writeLogs();
        Path script = dir.resolve("run.sh");
        String sigil = Path.of(System.getProperty("sigil.home"), "scripts", "sigil").toString();
        Files.writeString(script, String.join("\n",
                "export HOME='" + dir + "' SIGIL_NO_BUILD=1",
                "cd '" + dir + "'",
                "printf 'BEFORE-MARKER\\n'",
                "'" + sigil + "' tail hostile.jsonl evil*.jsonl",
                "'" + sigil + "' monitor --mode stream --no-follow hostile.jsonl",
                "'" + sigil + "' validate hostile.jsonl evil*.jsonl",
                "echo TEXT-MODES-DONE",
                "read -r go",
                "'" + sigil + "' monitor --mode dashboard --no-follow hostile.jsonl",
                "echo DASHBOARD-EXITED",
                "sleep 600", ""));
        String history = runTextModes(script, "the text modes");
        assertThat(history).contains(SHOWN);
        assertUntouched("after the text modes");
        tmux("send-keys", "-t", "inj", "Enter");

        String dashboard = waitFor(s -> s.contains("SIGIL MONITOR") && s.contains("PWNED"), false);
        String colours = tmux("capture-pane", "-p", "-e", "-t", "inj");
        assertThat(INJECTED_COLOUR.matcher(colours).find()).as("an injected colour on the dashboard:\n" + colours).isFalse();
        assertThat(dashboard).contains("^[");
        assertUntouched("with the dashboard on screen");
        tmux("send-keys", "-t", "inj", "q");
        waitFor(s -> s.contains("DASHBOARD-EXITED"), true);
        assertUntouched("after the dashboard");

        control();
    }

    /**
     * The same log through the jq tail: read to its end, every log of the directory with their headers (a file name
     * with an escape sequence among them), and followed with a line bound that makes it report every long line, with
     * the file's name, on stderr.
     */
    @Test
    @Tag("compat")
    void noSequenceFromALogReachesTheTerminalThroughTheJqTail() throws Exception {
        Oracles.require("jq", "apt-get install jq");
        writeLogs();
        Path script = dir.resolve("run.sh");
        String monitor = Path.of(System.getProperty("sigil.home"), "scripts", "file_monitor.sh").toString();
        Files.writeString(script, String.join("\n",
                "cd '" + dir + "'",
                "printf 'BEFORE-MARKER\\n'",
                "bash '" + monitor + "' --no-follow . hostile",
                "bash '" + monitor + "' --no-follow .",
                "SIGIL_MAX_LINE_BYTES=100 timeout 3 bash '" + monitor + "' .",
                "echo TEXT-MODES-DONE",
                "sleep 600", ""));
        String history = runTextModes(script, "the jq tail");
        assertThat(history).contains("--- ==> ./evil^[]0;PWNED-FILE^G.jsonl <== ---",
                "file_monitor.sh: ./evil^[]0;PWNED-FILE^G.jsonl:1: longer than the line bound").contains(SHOWN);
        assertUntouched("after the jq tail");
        control();
    }

    /**
     * Starts the server, runs the script in its pane up to TEXT-MODES-DONE, and returns the pane's history once no
     * escape is found in what the text modes printed and the title, name and buffers are checked untouched.
     */
    private String runTextModes(Path script, String what) throws Exception {
        startServer();
        tmux("send-keys", "-t", "inj", "bash '" + script + "'", "Enter");
        String history = waitFor(s -> s.contains("TEXT-MODES-DONE"), true);
        String text = textModes(tmux("capture-pane", "-p", "-e", "-S", "-", "-t", "inj"));
        assertThat(text).as("no escape at all in what %s printed", what).doesNotContain("\u001b");
        assertThat(history).contains("BEFORE-MARKER");
        return history;
    }

    private void startServer() throws Exception {
        tmux("-f", "/dev/null", "new-session", "-d", "-s", "inj", "-x", "200", "-y", "60", "-n", "KNOWN-WINDOW", "bash --norc --noprofile");
        tmux("set-option", "-g", "set-clipboard", "on");
        tmux("set-option", "-wg", "allow-rename", "on");
        tmux("set-option", "-wg", "automatic-rename", "off");
        tmux("set-option", "-g", "history-limit", "5000");
        tmux("select-pane", "-t", "inj", "-T", "KNOWN-TITLE");
        assertUntouched("before");
    }

    /** The title, the window name and the paste buffers are what the test set. */
    private void assertUntouched(String when) throws Exception {
        assertThat(tmux("display-message", "-p", "-t", "inj", "#{pane_title}").trim()).as("pane title " + when).isEqualTo("KNOWN-TITLE");
        assertThat(tmux("display-message", "-p", "-t", "inj", "#{window_name}").trim()).as("window name " + when).isEqualTo("KNOWN-WINDOW");
        assertThat(tmux("list-buffers").trim()).as("paste buffers " + when).isEmpty();
    }

    /** The same sequences sent raw in another window do change the title, the name and the buffers: the checks can fail. */
    private void control() throws Exception {
        Path raw = dir.resolve("raw.sh");
        Files.writeString(raw, "printf '\\033]2;PWNED-TITLE\\007\\033kPWNED-WINDOW\\033\\\\\\033]52;c;UFdORUQtQ0xJUA==\\007\\033[38;5;201mX\\n'; sleep 600\n");
        tmux("new-window", "-t", "inj", "-n", "control", "bash '" + raw + "'");
        tmux("set-option", "-w", "-t", "inj:control", "automatic-rename", "off");
        String title = "";
        String buffers = "";
        for (int i = 0; i < 400 && !(title.equals("PWNED-TITLE") && buffers.contains("PWNED-CLIP")); i++) {
            Thread.sleep(50);
            title = tmux("display-message", "-p", "-t", "inj:1", "#{pane_title}").trim();
            buffers = tmux("show-buffer");
        }
        assertThat(title).as("control: a raw OSC 2 sets the title").isEqualTo("PWNED-TITLE");
        assertThat(tmux("display-message", "-p", "-t", "inj:1", "#{window_name}").trim()).as("control: ESC k renames").isEqualTo("PWNED-WINDOW");
        assertThat(buffers).as("control: OSC 52 fills a buffer").contains("PWNED-CLIP");
        assertThat(INJECTED_COLOUR.matcher(tmux("capture-pane", "-p", "-e", "-t", "inj:1")).find()).as("control: a raw colour shows").isTrue();
    }

    /** The part of the pane's history between the marker and the end of the text modes. */
    private static String textModes(String history) {
        int from = history.indexOf("BEFORE-MARKER");
        int to = history.indexOf("TEXT-MODES-DONE", from);
        assertThat(from).isNotNegative();
        assertThat(to).isPositive();
        return history.substring(from, to);
    }

    private void writeLogs() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(entry("inj\u001b]0;PWNED-SID\u0007", "session_start", "orchestrator", "Starting \u001b]0;PWNED-START\u0007", null));
        for (String m : List.of(
                "colour \u001b[38;5;201mMAGENTA\u001b[0m bg \u001b[48;5;46mGREEN\u001b[0m \u001b[38;2;255;0;255mRGB\u001b[0m",
                "clear \u001b[2J\u001b[H home, move \u001b[5;5HHERE",
                "title \u001b]0;PWNED-TITLE\u0007 and \u001b]2;PWNED-TITLE2\u001b\\",
                "tmux name \u001bkPWNED-WINDOW\u001b\\",
                "clipboard \u001b]52;c;UFdORUQtQ0xJUA==\u0007",
                "link \u001b]8;;https://evil.example/\u0007click me\u001b]8;;\u0007",
                "erase\b\b\b\b\bXXXXX and \rCR-OVERWRITE",
                "C1 \u009b38;5;201m csi \u009d0;PWNED-C1\u009c",
                "dcs \u001bPtmux;\u001b\u001b]52;c;UFdORUQtQ0xJUA==\u0007\u001b\\ done",
                "bidi \u202eDENWP",
                "device status \u001b[6n and attributes \u001b[c")) {
            lines.add(entry("inj", "step_complete", "routing", m, null));
        }
        lines.add(entry("inj", "step_complete", "rout\u001b[38;5;201ming", "component", null));
        lines.add(entry("inj", "step_error", "reasoning", "failed \u001b]0;PWNED-ERROR\u0007", "\u001b]2;PWNED-ERR\u0007\u001b[48;5;46mboom"));
        byte[] raw = "\u001b]0;PWNED-RAW\u0007 raw, not JSON\n".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("hostile.jsonl"), concat((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), raw));
        Files.writeString(dir.resolve("evil\u001b]0;PWNED-FILE\u0007.jsonl"), entry("inj", "step_complete", "memory", "from the evil file", null) + "\n");
    }

    private static String entry(String session, String type, String component, String message, String error) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("timestamp", "2026-01-11T10:15:32.123456").put("session_id", session).put("event_type", type).put("component", component)
                .put("message", message).put("tokens", 5);
        ObjectNode meta = n.putObject("metadata");
        if (error != null) {
            meta.put("error", error).put("error_type", "Injected\u001b[48;5;46mError");
        }
        return new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT).encodeToString(n);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The pane (its whole history if asked) once {@code condition} holds; fails with the last capture after a while. */
    private String waitFor(Predicate<String> condition, boolean history) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT.seconds());
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = history ? tmux("capture-pane", "-p", "-S", "-", "-t", "inj") : tmux("capture-pane", "-p", "-t", "inj");
            if (condition.test(screen)) {
                return screen;
            }
            Thread.sleep(200); // polling a real terminal; no timing is asserted
        }
        throw new AssertionError("the pane never showed what was expected; last capture:\n" + screen);
    }

    private String tmux(String... args) throws Exception {
        return server.command(args); // a server of the test's own: its buffers and options are the test's alone
    }
}
