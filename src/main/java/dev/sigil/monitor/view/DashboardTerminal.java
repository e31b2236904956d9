package dev.sigil.monitor.view;

import java.io.IOException;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

import dev.tamboui.backend.jline3.JLineBackend;
import dev.tamboui.terminal.Mode2027Support;

/**
 * TamboUI's JLine backend on the system terminal, with a start that waits for the terminal's answer rather than for
 * a timeout (ADR 0200). TamboUI's own raw mode asks the terminal about mode 2027 and waits up to 500 ms for an answer
 * that most terminals (tmux, the Linux console, many emulators) never give: half a second before the first frame at
 * every start. Here the same question is followed by the device attributes' query, which every terminal answers
 * ({@link TerminalReplies}), so the wait ends after one round trip; 500 ms stays the bound for a terminal that answers
 * neither. Keys typed during the wait are handed to the input afterwards instead of being dropped. Everything else
 * (raw mode without signals, mode 2027 enabled when supported and disabled at the end) is as TamboUI does it.
 */
final class DashboardTerminal extends JLineBackend {

    /** The longest wait for the terminal's answers, as TamboUI's. */
    static final int ANSWER_TIMEOUT_MS = 500;

    private Attributes saved;
    private boolean mode2027;
    /** Keys read while waiting for the answers, not yet handed to the input. */
    private String typed = "";
    private int next;

    DashboardTerminal() throws IOException {
        super();
    }

    @Override
    public void enableRawMode() throws IOException {
        Terminal terminal = jlineTerminal();
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
            int ch = left <= 0 ? -2 : super.read(left);
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
            jlineTerminal().setAttributes(saved);
        }
    }

    @Override
    public int read(int timeoutMs) throws IOException {
        return next < typed.length() ? typed.charAt(next++) : super.read(timeoutMs);
    }

    @Override
    public int peek(int timeoutMs) throws IOException {
        return next < typed.length() ? typed.charAt(next) : super.peek(timeoutMs);
    }
}
