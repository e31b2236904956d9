package dev.sigil.monitor.view;

import dev.tamboui.terminal.Mode2027Status;

/**
 * What the terminal answered to the dashboard's start-up question, read one character at a time (pure; ADR 0200).
 * The question is two queries written together: DECRQM for mode 2027 (grapheme clusters, {@code CSI ? 2027 $ p}),
 * which many terminals (tmux among them) leave unanswered, then the primary device attributes ({@code CSI c}), which
 * every VT100-like terminal answers. Terminals answer in order, so once the attributes' reply ({@code CSI ? ... c})
 * has come, a mode 2027 reply that has not come will not: the start waits one round trip, not a timeout.
 * Characters that are not part of a reply (keys typed meanwhile) are kept, in order, for the input.
 */
final class TerminalReplies {

    /** Written to the terminal: mode 2027's query, then the device attributes' (the sentinel). */
    static final String QUESTION = "\033[?2027$p\033[c";

    private static final int ESC = 0x1b;

    private final StringBuilder typed = new StringBuilder();
    /** The escape sequence being read ({@code ESC} and what followed), or empty. */
    private final StringBuilder sequence = new StringBuilder();
    private Mode2027Status mode2027 = Mode2027Status.NOT_SUPPORTED;
    private boolean answered;

    /** Takes one character read from the terminal. */
    void accept(int ch) {
        if (ch == ESC) {
            giveBack(); // an escape starts a sequence, and ends any that was being read
            sequence.append((char) ch);
            return;
        }
        if (sequence.length() == 0) {
            typed.append((char) ch);
            return;
        }
        sequence.append((char) ch);
        if (sequence.length() == 2) {
            if (ch != '[') {
                giveBack();
            }
            return;
        }
        if (ch >= 0x40 && ch <= 0x7e) {
            finish();
        } else if (ch < 0x20 || ch > 0x3f || sequence.length() > 64) {
            giveBack(); // not a control sequence (or not one of ours): the characters were typed
        }
    }

    /** A whole control sequence {@code CSI params [intermediates] final}: one of our replies, or typed. */
    private void finish() {
        String s = sequence.toString();
        if (s.startsWith("\033[?") && s.endsWith("c")) {
            answered = true;
            sequence.setLength(0);
        } else if (s.startsWith("\033[?2027;") && s.endsWith("$y")) {
            mode2027 = status(s.substring(8, s.length() - 2));
            sequence.setLength(0);
        } else {
            giveBack();
        }
    }

    private void giveBack() {
        typed.append(sequence);
        sequence.setLength(0);
    }

    /** DECRPM's Ps: 1 or 3 set, 2 or 4 reset (recognised), 0 or anything else not recognised. */
    private static Mode2027Status status(String ps) {
        return switch (ps) {
            case "1", "3" -> Mode2027Status.ENABLED;
            case "2", "4" -> Mode2027Status.SUPPORTED_DISABLED;
            default -> Mode2027Status.NOT_SUPPORTED;
        };
    }

    /** Whether the device attributes' reply has come: nothing more will. */
    boolean answered() {
        return answered;
    }

    /** Mode 2027 as the terminal reported it; not supported when it said nothing. */
    Mode2027Status mode2027() {
        return mode2027;
    }

    /**
     * The characters that were not replies, in the order read (an escape sequence cut short by the end of the wait
     * included).
     */
    String typed() {
        return typed.toString() + sequence;
    }
}
