package dev.sigil.monitor.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;
import org.jline.utils.NonBlockingReader;

import dev.tamboui.layout.Position;
import dev.tamboui.layout.Size;
import dev.tamboui.terminal.AbstractBackend;
import dev.tamboui.terminal.Mode2027Support;

/**
 * The TamboUI backend the dashboard draws through: the system terminal by JLine, as TamboUI's own JLine backend does
 * it, with a start that does not wait for nothing (ADR 0200).
 * <ul>
 *   <li>TamboUI's raw mode asks the terminal about mode 2027 and waits up to 500 ms for an answer that most terminals
 *       (tmux, the Linux console, many emulators) never give: half a second before the first frame at every start.
 *       Here the same question is followed by the device attributes' query, which every terminal answers
 *       ({@link TerminalReplies}), so the wait ends after one round trip; 500 ms stays the bound for a terminal that
 *       answers neither. Keys typed meanwhile are handed to the input afterwards instead of being dropped.</li>
 *   <li>JLine loads every terminal provider it knows to pick one, and checking the last of them runs a process
 *       ({@code test -t 1}); the terminal is opened with JLine's native provider alone, and with JLine's whole list,
 *       as before, only when that fails.</li>
 *   <li>tmux's terminal is described by the screen description JLine carries, not by an {@code infocmp} process
 *       ({@link #bundledType}, ADR 0225).</li>
 * </ul>
 * Everything else (raw mode without signals, mode 2027 enabled when supported and disabled at the end, the escape
 * sequences written) is as TamboUI's backend does it.
 */
final class DashboardTerminal extends AbstractBackend {

    /** The longest wait for the terminal's answers, as TamboUI's. */
    static final int ANSWER_TIMEOUT_MS = 500;

    private static final String CSI = "\033[";

    private final Terminal terminal;
    private final PrintWriter writer;
    private final NonBlockingReader reader;
    private Attributes saved;
    private boolean mode2027;
    private boolean alternateScreen;
    private boolean mouse;
    /** Keys read while waiting for the answers, not yet handed to the input. */
    private String typed = "";
    private int next;

    private DashboardTerminal(Terminal terminal) {
        this.terminal = terminal;
        this.writer = terminal.writer();
        this.reader = terminal.reader();
    }

    /**
     * The system terminal ({@code term}: the {@code TERM} variable, or null): by JLine's native provider, else as JLine
     * picks it among all it knows.
     */
    static DashboardTerminal open(String term) throws IOException {
        Terminal t;
        try {
            t = described(TerminalBuilder.builder(), term).ffm(false).jni(true).jansi(false).jna(false).exec(false).dumb(false)
                    .system(true).build();
        } catch (IOException | RuntimeException | LinkageError nativeFailed) {
            t = described(TerminalBuilder.builder(), term).system(true).jansi(true).build();
        }
        return new DashboardTerminal(t);
    }

    /**
     * The builder told to describe tmux's terminal by the screen description JLine carries ({@link #bundledType}), not
     * by its own; other types are left to JLine.
     */
    private static TerminalBuilder described(TerminalBuilder b, String term) {
        String bundled = bundledType(term);
        return bundled == null ? b : b.type(bundled);
    }

    /**
     * The terminal description JLine carries to use for {@code term}, or null for JLine's own choice. JLine reads the
     * description of a type it does not carry by running {@code infocmp}: for tmux's types (tmux's default
     * {@code tmux-256color} among them) a process, a thread to reap it and its output read, about a quarter of JLine's
     * start (ADR 0225). tmux's descriptions are screen's plus italics, strike-through, a status line and shifted
     * keys; the dashboard takes from the description only the alternate screen's two sequences, the same in both
     * ({@code \E[?1049h}, {@code \E[?1049l}), and writes everything else itself.
     */
    static String bundledType(String term) {
        if ("tmux".equals(term)) {
            return "screen";
        }
        return "tmux-256color".equals(term) ? "screen-256color" : null;
    }

    /**
     * A terminal of {@code width} x {@code height} over two streams (an xterm): for the AOT cache's training run, which
     * has no terminal (ADR 0200).
     */
    static DashboardTerminal over(InputStream keys, OutputStream screen, int width, int height) throws IOException {
        // JLine's native provider would open a pseudo-terminal of its own for streams; its exec provider wraps them
        return new DashboardTerminal(TerminalBuilder.builder().ffm(false).jni(false).jansi(false).jna(false).exec(true).dumb(false)
                .system(false).streams(keys, screen).type("xterm-256color").encoding(StandardCharsets.UTF_8)
                .size(new org.jline.terminal.Size(width, height)).build());
    }

    @Override
    public void enableRawMode() throws IOException {
        saved = terminal.getAttributes();
        terminal.enterRawMode();
        // Ctrl-C goes through the key map (a confirmation while a run is attached), not SIGINT.
        Attributes raw = terminal.getAttributes();
        raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
        terminal.setAttributes(raw);
        // Asked in raw mode, so that the answers are not echoed.
        TerminalReplies replies = ask();
        typed = replies.typed();
        if (replies.mode2027().isSupported()) {
            Mode2027Support.enable(this);
            mode2027 = true;
        }
    }

    private TerminalReplies ask() throws IOException {
        writeRaw(TerminalReplies.QUESTION);
        flush();
        TerminalReplies replies = new TerminalReplies();
        long deadline = System.nanoTime() + ANSWER_TIMEOUT_MS * 1_000_000L;
        while (!replies.answered()) {
            int left = (int) ((deadline - System.nanoTime()) / 1_000_000L);
            int ch = left <= 0 ? -2 : reader.read(left);
            if (ch < 0) {
                break; // the end of the input, or no answer in time
            }
            replies.accept(ch);
        }
        return replies;
    }

    @Override
    public void disableRawMode() throws IOException {
        if (mode2027) {
            Mode2027Support.disable(this);
            mode2027 = false;
        }
        if (saved != null) {
            terminal.setAttributes(saved);
        }
    }

    @Override
    public int read(int timeoutMs) throws IOException {
        return next < typed.length() ? typed.charAt(next++) : reader.read(timeoutMs);
    }

    @Override
    public int peek(int timeoutMs) throws IOException {
        return next < typed.length() ? typed.charAt(next) : reader.peek(timeoutMs);
    }

    @Override
    public Size size() {
        return new Size(terminal.getWidth(), terminal.getHeight());
    }

    @Override
    public void onResize(Runnable handler) {
        terminal.handle(Terminal.Signal.WINCH, signal -> handler.run());
    }

    @Override
    public void enterAlternateScreen() {
        terminal.puts(InfoCmp.Capability.enter_ca_mode);
        writer.flush();
        alternateScreen = true;
    }

    @Override
    public void leaveAlternateScreen() {
        terminal.puts(InfoCmp.Capability.exit_ca_mode);
        writer.flush();
        alternateScreen = false;
    }

    @Override
    public void showCursor() {
        control("?25h");
    }

    @Override
    public void hideCursor() {
        control("?25l");
    }

    @Override
    public Position getCursorPosition() {
        return Position.ORIGIN; // JLine has no way to ask; TamboUI's backend answers the same
    }

    @Override
    public void clear() {
        writer.print(CSI + "2J" + CSI + "H");
        writer.flush();
    }

    @Override
    public void enableMouseCapture() {
        control("?1000h" + CSI + "?1002h" + CSI + "?1015h" + CSI + "?1006h");
        mouse = true;
    }

    @Override
    public void disableMouseCapture() {
        control("?1006l" + CSI + "?1015l" + CSI + "?1002l" + CSI + "?1000l");
        mouse = false;
    }

    @Override
    public void scrollUp(int lines) {
        control(lines + "S");
    }

    @Override
    public void scrollDown(int lines) {
        control(lines + "T");
    }

    private void control(String sequence) {
        writer.print(CSI + sequence);
        writer.flush();
    }

    @Override
    public void writeRaw(byte[] data) throws IOException {
        terminal.output().write(data);
    }

    @Override
    public void writeRaw(String data) {
        writer.print(data);
    }

    @Override
    public void flush() {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.print(CSI + "0m");
        if (mouse) {
            disableMouseCapture();
        }
        if (alternateScreen) {
            leaveAlternateScreen();
        }
        showCursor();
        disableRawMode();
        writer.flush();
        terminal.close();
    }
}
