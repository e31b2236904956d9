package dev.sigil.alerts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.codec.PythonTimestamp;
import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.ExecutionEntry;
import dev.sigil.layout.SessionId;
import dev.sigil.log.SafeDirectory;

/**
 * The {@code log} action of {@code sigil alerts watch}: appends the alert entry to the log the alert's line was read
 * from, as one write of one whole line (appends of whole lines do not tear another writer's lines), through the log
 * tree's safety rules. The other actions go to the watch's own output.
 */
final class LogWriting implements Delivery.Out {

    private static final PythonJsonWriter JSON = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);

    private final Delivery.Out out;
    private final Clock clock;

    LogWriting(Delivery.Out out) {
        this.out = out;
        this.clock = Clock.systemDefaultZone();
    }

    @Override
    public void stdout(String line) {
        out.stdout(line);
    }

    @Override
    public void stderr(String line) {
        out.stderr(line);
    }

    @Override
    public void note(String text) {
        out.note(text);
    }

    @Override
    public void log(Alert a) {
        if (!SessionId.isValid(a.sessionId()) || a.file().isEmpty()) {
            out.note("rule " + a.rule().name() + ": log: no alert entry for session '" + a.sessionId() + "' (not a session id the contract admits)");
            return;
        }
        ExecutionEntry entry = new ExecutionEntry(PythonTimestamp.now(clock), a.sessionId(), EventType.ALERT, Component.ORCHESTRATOR,
                AlertEntry.message(a), 0, AlertEntry.metadata(a).build());
        byte[] line = (JSON.encodeToString(entry.toJsonNode()) + "\n").getBytes(StandardCharsets.UTF_8);
        Path log = Path.of(a.file()).toAbsolutePath();
        try (SafeDirectory dir = SafeDirectory.existingRoot(log.getParent()); FileChannel ch = dir.append(log.getFileName().toString())) {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        } catch (IOException e) {
            out.note("rule " + a.rule().name() + ": log: cannot append to " + a.file() + ": " + e.getMessage());
        }
    }
}
