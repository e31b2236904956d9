package dev.sigil.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.event.FastLogEvent;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.LogEventDecoder;

/**
 * What a session log deleted (or renamed away) under its writer held, counted through the writer's still open
 * handle before it lets go of it: whole lines, bytes and the tokens of those lines (seed 001 §9.3: "log file missing:
 * create a new file, continue"; the entries are gone from the session's log, and this says how many).
 *
 * @param file the name the log had
 * @param entries whole lines in it
 * @param bytes its size
 * @param tokens the sum of its lines' {@code tokens}
 */
record LostLog(Path file, long entries, long bytes, long tokens) {

    /** Counts what {@code channel} holds (read from byte 0; lines longer than 16 MiB count as entries without tokens). */
    static LostLog count(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        byte[] line = new byte[1 << 12];
        int lineLength = 0;
        boolean tooLong = false;
        long entries = 0;
        long tokens = 0;
        FastLogEvent fast = new FastLogEvent();
        PythonJsonReader exact = new PythonJsonReader();
        for (long pos = 0; pos < size; ) {
            buf.clear();
            int n = channel.read(buf, pos);
            if (n <= 0) {
                break;
            }
            pos += n;
            for (int i = 0; i < n; i++) {
                byte b = buf.get(i);
                if (b != '\n') {
                    if (lineLength == line.length && !tooLong) {
                        if (line.length >= 1 << 24) {
                            tooLong = true;
                        } else {
                            line = java.util.Arrays.copyOf(line, line.length * 2);
                        }
                    }
                    if (!tooLong) {
                        line[lineLength++] = b;
                    }
                    continue;
                }
                entries++;
                tokens += tooLong ? 0 : tokensOf(line, lineLength, fast, exact);
                lineLength = 0;
                tooLong = false;
            }
        }
        return new LostLog(file, entries, size, tokens);
    }

    private static long tokensOf(byte[] line, int length, FastLogEvent fast, PythonJsonReader exact) {
        LogEvent e = fast.decode(line, 0, length);
        if (e == null) {
            try {
                e = LogEventDecoder.decode(exact.read(line, 0, length));
            } catch (RuntimeException bad) { // a JsonSyntaxException, or a line of another shape
                return 0;
            }
        }
        return e == null ? 0 : Math.max(0, e.tokens());
    }
}
