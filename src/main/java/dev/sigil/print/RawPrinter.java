package dev.sigil.print;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.sigil.tail.RawLineListener;
import dev.sigil.tail.TailEvent;
import dev.sigil.text.TerminalText;

/**
 * {@code sigil tail --format raw}: each line's bytes as they are in the log, with its newline, so that the output of a
 * follower (local or remote) can be compared with {@code cmp}; on a terminal its control characters are shown, never
 * sent. What was skipped and what changed is said on stderr as {@link TailPrinter} says it.
 */
public final class RawPrinter implements RawLineListener {

    private final OutputStream out;
    private final TailPrinter notes;
    private final boolean terminal;

    /** @param notes says the skipped lines and the changes (its own format is not used) */
    public RawPrinter(OutputStream out, TailPrinter notes, boolean terminal) {
        this.out = out;
        this.notes = notes;
        this.terminal = terminal;
    }

    @Override
    public void line(String source, long number, long offset, byte[] bytes, int from, int to) {
        try {
            if (terminal) {
                out.write((TerminalText.visible(new String(bytes, from, to - from, StandardCharsets.UTF_8)) + "\n").getBytes(StandardCharsets.UTF_8));
            } else {
                out.write(bytes, from, to - from);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whole lines, each with its newline, as a remote stream hands them out. */
    public void lines(byte[] bytes) {
        if (!terminal) {
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line("", 0, 0, bytes, start, i);
                start = i + 1;
            }
        }
    }

    @Override
    public void onEvent(TailEvent event) {
        notes.onEvent(event);
    }

    /** Says {@code text} on stderr. */
    public void note(String text) {
        notes.note(text);
    }

    public void flush() {
        notes.flush();
    }
}
