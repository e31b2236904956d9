package dev.sigil.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.sigil.contract.codec.ByteSink;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.validation.Violation;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The session's {@code errors.jsonl}: one JSON object per line, written as CPython would (NaN and the infinities as
 * its literals, so a refused entry is kept exactly). Created on the first record. Record kinds (docs/logging.md):
 * {@code rejected}, {@code event}, {@code dropped}, {@code unwritten}, {@code unconfirmed}, {@code torn_tail},
 * {@code log_deleted}.
 * Writer thread only.
 */
final class ErrorLog {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long MAX_PENDING_BYTES = 1 << 20;

    private final SafeDirectory dir;
    private final String name;
    private final Path file;
    private final ChannelOpener opener;
    private final boolean fsync;
    private final Reporter reporter;
    private final PythonJsonWriter literal = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);
    private final List<byte[]> pending = new ArrayList<>();
    private long pendingBytes;
    private FileChannel channel;
    private boolean failing;
    private long lostRecords;

    ErrorLog(SafeDirectory dir, String name, ChannelOpener opener, boolean fsync, Reporter reporter) {
        this.dir = dir;
        this.name = name;
        this.file = dir.resolve(name);
        this.opener = opener;
        this.fsync = fsync;
        this.reporter = reporter;
    }

    Path file() {
        return file;
    }

    /** Records that could not be written to errors.jsonl (reported at close). */
    long lostRecords() {
        return lostRecords;
    }

    void rejected(Rejection r) {
        ObjectNode record = NODES.objectNode();
        record.put("kind", "rejected");
        record.put("reason", r.describe());
        ArrayNode violations = record.putArray("violations");
        for (Violation v : r.violations()) {
            violations.addObject().put("pointer", v.pointer()).put("rule", v.keyword()).put("message", v.message());
        }
        record.set("entry", r.entry());
        add(literal.encode(record));
    }

    /** A copy of an error event exactly as it was written to the log. */
    void event(byte[] line) {
        ByteSink sink = new ByteSink(line.length + 32);
        sink.writeAscii("{\"kind\":\"event\",\"entry\":");
        sink.write(line, 0, line.length - 1);
        sink.write('}');
        add(sink.toByteArray());
    }

    /** Entries that did not reach the log: {@code kind} is dropped, unwritten or unconfirmed. */
    void loss(String kind, String timestamp, long count, String reason) {
        ObjectNode record = NODES.objectNode().put("kind", kind).put("timestamp", timestamp).put("count", count).put("reason", reason);
        add(literal.encode(record));
    }

    void tornTail(Segment.TornTail torn, String timestamp) {
        ObjectNode record = NODES.objectNode().put("kind", "torn_tail").put("timestamp", timestamp)
                .put("file", torn.file().getFileName().toString()).put("offset", torn.offset()).put("length", torn.length())
                .put("bytes_base64", Base64.getEncoder().encodeToString(torn.bytes()));
        add(literal.encode(record));
    }

    /** The session's log was deleted (or renamed away) during the run and created again: what it held. */
    void logDeleted(LostLog lost, String timestamp) {
        ObjectNode record = NODES.objectNode().put("kind", "log_deleted").put("timestamp", timestamp)
                .put("file", lost.file().getFileName().toString()).put("entries", lost.entries()).put("bytes", lost.bytes())
                .put("tokens", lost.tokens());
        add(literal.encode(record));
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    private void add(byte[] record) {
        byte[] line = new byte[record.length + 1];
        System.arraycopy(record, 0, line, 0, record.length);
        line[record.length] = '\n';
        if (pendingBytes + line.length > MAX_PENDING_BYTES && !pending.isEmpty()) {
            pendingBytes -= pending.remove(0).length;
            lostRecords++;
        }
        pending.add(line);
        pendingBytes += line.length;
    }

    /** Writes what is pending in one write (and fsync); keeps it for the next try if the disk refuses. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) pendingBytes);
        pending.forEach(buf::put);
        buf.flip();
        try {
            if (channel == null) {
                channel = dir.append(name, opener);
            }
            long before = channel.size();
            try {
                SafeDirectory.writeFully(channel, buf);
            } catch (IOException e) {
                channel.truncate(before);
                throw e;
            }
            if (fsync) {
                channel.force(false);
            }
            pending.clear();
            pendingBytes = 0;
            if (failing) {
                failing = false;
                reporter.report("writing " + file + " again");
            }
        } catch (IOException e) {
            closeQuietly();
            if (!failing) {
                failing = true;
                reporter.report("cannot write " + file + ": " + cause(e) + "; keeping its records in memory and retrying");
            }
        }
    }

    /** Gives up on what is still pending (at close); returns how many records that was. */
    long abandon() {
        long n = pending.size();
        lostRecords += n;
        pending.clear();
        pendingBytes = 0;
        return n;
    }

    void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Closing after a failure: the failure was reported already.
        }
        channel = null;
    }

    static String cause(IOException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
