package dev.sigil.remote.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;
import dev.sigil.remote.CloseCode;
import dev.sigil.tail.Confinement;
import dev.sigil.tail.FileTailSource;
import dev.sigil.tail.TailSource;

/**
 * The sessions the server may serve, all under one log root: an id from a client goes through {@link SessionId}'s
 * rule, its log must be a regular file inside the root (a link planted to lead elsewhere is refused), and its bytes are
 * its rotated parts, oldest first, then {@code execution.jsonl}: the offsets of the stream are offsets in that
 * concatenation.
 */
final class SessionLogs {

    /** A refusal, with the close code and the reason a client is told. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final transient CloseCode code;

        Refused(CloseCode code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }
    }

    private final LogLayout layout;

    SessionLogs(LogLayout layout) {
        this.layout = layout;
    }

    LogLayout layout() {
        return layout;
    }

    /** The log of the session {@code id} as a client wrote it, or a refusal saying why not. */
    Path log(String id) throws Refused {
        if (id == null || id.isEmpty()) {
            throw new Refused(CloseCode.BAD_REQUEST, "no session id given");
        }
        if (!SessionId.isValid(id)) {
            throw new Refused(CloseCode.BAD_REQUEST, "not a session id (" + SessionId.RULE + ")");
        }
        Path log = layout.executionLog(SessionId.of(id));
        try {
            if (Confinement.outside(log, layout.root()) != null) {
                throw new Refused(CloseCode.NOT_FOUND, "no session " + id + " under the log root");
            }
        } catch (IOException e) {
            throw new Refused(CloseCode.NOT_FOUND, "no session " + id + " under the log root");
        }
        if (!Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(CloseCode.NOT_FOUND, "no session " + id + " under the log root");
        }
        return log;
    }

    /** The active session's id ({@code current.jsonl}), or null when there is none. */
    String active() {
        Path current = layout.current();
        if (!Files.exists(current)) {
            return null;
        }
        String id = LogLayout.sessionOf(current);
        try {
            Path real = current.toRealPath();
            id = LogLayout.sessionOf(real);
        } catch (IOException e) {
            return null;
        }
        return SessionId.isValid(id) ? id : null;
    }

    /** The source a tailer follows for {@code log}, confined to the root. */
    TailSource source(Path log) {
        return new FileTailSource(log).confinedTo(layout.root());
    }

    /** The length of the session's concatenated log now, and where its last complete line ends: {size, end}. */
    long[] size(Path log) throws IOException {
        List<TailSource.Handle> handles = handles(log);
        try {
            Concatenation all = new Concatenation(handles);
            return new long[] {all.total(), all.endOfLastLine()};
        } finally {
            for (TailSource.Handle h : handles) {
                h.close();
            }
        }
    }

    /**
     * Writes the session's bytes from {@code from} to the end of its last complete line, and returns how many. Refuses
     * an offset past the end.
     */
    long copy(Path log, long from, OutputStream out) throws IOException, Refused {
        List<TailSource.Handle> handles = handles(log);
        try {
            long total = 0;
            for (TailSource.Handle h : handles) {
                total += h.size();
            }
            if (from > total) {
                throw new Refused(CloseCode.PAST_END, "offset " + from + " is past the end of the log (" + total + " bytes)");
            }
            return new Concatenation(handles).copyWholeLines(from, out);
        } finally {
            for (TailSource.Handle h : handles) {
                h.close();
            }
        }
    }

    private List<TailSource.Handle> handles(Path log) throws IOException {
        TailSource source = source(log);
        List<TailSource.Handle> all = new ArrayList<>(source.openParts());
        TailSource.Handle active = source.open();
        if (active != null) {
            all.add(active);
        }
        return all;
    }
}
