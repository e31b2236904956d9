package dev.sigil.monitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.tail.FileStamp;
import dev.sigil.tail.MemoryTailSource;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.TailSource;
import dev.sigil.tail.Tailer;

/**
 * The end of a log, read before anything else (ADR 0165): its last block ({@link #BLOCK} bytes, more when its last
 * line is longer), whose complete lines are decoded as the tailer decodes them (the same formats), so that the
 * dashboard shows the newest events at once; and the log's stamp for the checkpoint of the fold: its identity
 * (as {@link FileStamp} keys a file), its size and a CRC32C of the last block.
 *
 * @param size the log's size when it was read
 * @param newest the newest events, oldest first
 * @param positions where each was read
 * @param lastOffset the offset of the newest complete line (an event or a skipped line), -1 when the block holds none
 * @param checkpoint the stamp of the log as it stood: identity, size, checksum of the last block
 */
record LogEnd(long size, List<LogEvent> newest, List<MonitorAction.Position> positions, long lastOffset, String checkpoint) {

    /** What is read of the end: about the newest screenful or two of 300-byte lines, a few lines of 64 KiB. */
    static final int BLOCK = 256 << 10;

    /** The end of {@code source}'s file, or null when it is missing, empty or cannot be read. */
    static LogEnd read(TailSource source, String shown, int maxLineBytes, FormatSet formats) {
        try (TailSource.Handle h = source.open()) {
            if (h == null) {
                return null;
            }
            long size = h.size();
            if (size <= 0) {
                return null;
            }
            byte[] block = tail(h, size, BLOCK);
            if (lastNewline(block) < 0 && size > block.length) {
                block = tail(h, size, (int) Math.min(maxLineBytes + 1L, 16L << 20));
            }
            CRC32C crc = new CRC32C();
            crc.update(block);
            String checkpoint = h.key() + "|" + size + "|" + Long.toHexString(crc.getValue());
            return decode(block, size - block.length, shown, maxLineBytes, formats, size, checkpoint);
        } catch (IOException | RuntimeException e) {
            return null; // the tailer reports what is wrong with the file
        }
    }

    private static byte[] tail(TailSource.Handle h, long size, int max) throws IOException {
        int n = (int) Math.min(size, max);
        byte[] block = new byte[n];
        int got = 0;
        while (got < n) {
            int r = h.read(size - n + got, block, got, n - got);
            if (r < 0) {
                throw new IOException("the log shrank while its end was read");
            }
            got += r;
        }
        return block;
    }

    private static int lastNewline(byte[] b) {
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The complete lines of {@code block} (read at {@code base}): the first is whole only at the start of the file. */
    private static LogEnd decode(byte[] block, long base, String shown, int maxLineBytes, FormatSet formats, long size,
                                 String checkpoint) {
        int from = 0;
        if (base > 0) {
            int nl = indexOf(block, 0);
            from = nl < 0 ? block.length : nl + 1;
        }
        int to = lastNewline(block) + 1;
        List<LogEvent> events = new ArrayList<>();
        List<MonitorAction.Position> positions = new ArrayList<>();
        long[] last = {-1};
        if (to > from) {
            MemoryTailSource memory = new MemoryTailSource(shown);
            memory.create().append(java.util.Arrays.copyOfRange(block, from, to));
            long start = base + from;
            TailOptions options = TailOptions.defaults().withMaxLineBytes(maxLineBytes).withEventsAhead(true).withWatch(false);
            try (Tailer t = new Tailer(List.of(memory), options, event -> collect(event, start, shown, events, positions, last), null, formats)) {
                t.readAll();
            }
        }
        return new LogEnd(size, events, positions, last[0], checkpoint);
    }

    private static void collect(TailEvent event, long start, String shown, List<LogEvent> events,
                                List<MonitorAction.Position> positions, long[] last) {
        if (event instanceof TailEvent.Lines lines) {
            for (TailEntry e : lines.entries()) {
                MonitorAction.Position p = new MonitorAction.Position(shown, 0, start + e.offset());
                for (LogEvent decoded : e.events()) {
                    events.add(decoded);
                    positions.add(p);
                }
                last[0] = Math.max(last[0], start + e.offset());
            }
        } else if (event instanceof TailEvent.Skipped s) {
            last[0] = Math.max(last[0], start + s.offset());
        }
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
