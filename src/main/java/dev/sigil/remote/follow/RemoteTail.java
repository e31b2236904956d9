package dev.sigil.remote.follow;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.print.RawPrinter;
import dev.sigil.print.TailPrinter;
import dev.sigil.remote.RemoteUrl;
import dev.sigil.tail.LineDecoder;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;

/**
 * {@code sigil tail ws://HOST:PORT/sessions/ID}: what a {@link RemoteFollower} receives, printed as {@code sigil tail}
 * prints a local log: {@code --format raw} writes the bytes as they came, the other formats decode each line as the
 * tailer does ({@link LineDecoder}) and hand it to the same {@link TailPrinter}.
 */
public final class RemoteTail implements RemoteFollower.Sink {

    private final String source;
    private final TailPrinter printer;
    private final RawPrinter raw;
    private final LineDecoder decoder = new LineDecoder();
    private long line;

    /** @param raw prints the bytes as they are, or null to decode them for {@code printer} */
    public RemoteTail(RemoteUrl url, TailPrinter printer, RawPrinter raw) {
        this.source = url.toString();
        this.printer = printer;
        this.raw = raw;
    }

    /** Follows {@code url} (or reads it to its end, without {@code follow}) until stopped or refused. */
    public static RemoteFollower.Outcome run(RemoteUrl url, ClientTls tls, String token, boolean follow, TailPrinter printer, RawPrinter raw)
            throws InterruptedException {
        return new RemoteFollower(url::logStream, tls, token, 0, follow, new RemoteTail(url, printer, raw)).run();
    }

    @Override
    public void lines(byte[] bytes, long offset) {
        if (raw != null) {
            raw.lines(bytes);
            raw.flush();
            return;
        }
        List<TailEntry> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            line++;
            LineDecoder.Result r = decoder.decode(line, offset + start, bytes, start, i);
            if (r.entry() != null) {
                entries.add(r.entry());
            } else if (!r.isBlank()) {
                flush(entries);
                printer.onEvent(new TailEvent.Skipped(source, line, offset + start, i - start, r.skip(), r.detail()));
            }
            start = i + 1;
        }
        flush(entries);
        printer.flush();
    }

    private void flush(List<TailEntry> entries) {
        if (!entries.isEmpty()) {
            printer.onEvent(new TailEvent.Lines(source, entries));
            entries.clear();
        }
    }

    @Override
    public void note(String text) {
        printer.note(source + ": " + text);
        printer.flush();
    }
}
