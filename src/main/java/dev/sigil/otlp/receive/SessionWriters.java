package dev.sigil.otlp.receive;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.ExecutionEntry;
import dev.sigil.contract.model.Metadata;
import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.contract.validation.UsageRules;
import dev.sigil.log.ExecutionLogger;
import dev.sigil.log.LoggerSettings;
import dev.sigil.log.Reporter;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The execution loggers of the sessions being received, one per session, opened on its first data and kept until the
 * receiver stops (each holds its session's lock, so no other writer interleaves). Entries are checked against the
 * contract before any is logged: an entry the schema refuses keeps its metadata under {@code metadata.otlp} instead,
 * so a request is written whole. A session's first data that is not its session_start gets one, naming the service.
 */
final class SessionWriters implements AutoCloseable {

    private final LoggerSettings settings;
    private final Reporter reporter;
    private final SchemaValidator validator = SchemaValidator.executionEntry();
    private final Map<String, ExecutionLogger> open = new LinkedHashMap<>();
    /** Sessions opened whose first entry is not written yet: whichever request writes first writes their start. */
    private final java.util.Set<String> unstarted = new java.util.HashSet<>();
    private int opened;

    SessionWriters(LoggerSettings settings, Reporter reporter) {
        this.settings = settings;
        this.reporter = reporter;
    }

    /** Entries valid by the contract: as mapped, or with the metadata the schema refused kept aside. */
    List<ExecutionEntry> checked(List<ExecutionEntry> entries) {
        return entries.stream().map(this::valid).toList();
    }

    private ExecutionEntry valid(ExecutionEntry e) {
        if (isValid(e)) {
            return e;
        }
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        kept.putObject("otlp").set("metadata", e.metadata().toJsonNode());
        ExecutionEntry aside = new ExecutionEntry(e.timestamp(), e.sessionId(), e.eventType(), e.component(), e.message(), e.tokens(),
                Metadata.fromJsonNode(kept));
        return aside;
    }

    private boolean isValid(ExecutionEntry e) {
        var node = e.toJsonNode();
        synchronized (validator) {
            return validator.validate(node).isEmpty() && UsageRules.ofEntry(node).isEmpty();
        }
    }

    /**
     * Logs a session's checked entries, in order; the first entries written to a session opened by this receiver come
     * after a session_start (theirs, or one made for them), whichever request they came in.
     *
     * @return false if the logger dropped one (its queue full): the caller answers 503 so that the client sends again
     */
    synchronized boolean write(EntryMapper.Batch batch, List<ExecutionEntry> entries) {
        ExecutionLogger logger = open.get(batch.session());
        boolean all = true;
        if (entries.isEmpty()) {
            return true;
        }
        if (unstarted.remove(batch.session()) && entries.get(0).eventType() != EventType.SESSION_START) {
            ExecutionEntry first = entries.get(0);
            all = logger.log(new ExecutionEntry(first.timestamp(), batch.session(), EventType.SESSION_START, Component.ORCHESTRATOR,
                    "Receiving over OTLP from " + batch.service(), 0, Metadata.builder().task("OTLP from " + batch.service()).build()));
        }
        for (ExecutionEntry e : entries) {
            all &= logger.log(e);
        }
        return logger.flush() && all;
    }

    /**
     * Opens the loggers of these sessions that are not open yet, all before anything is written.
     *
     * @throws IOException if one cannot be opened (another writer holds it, the disk): nothing is written then
     */
    synchronized void open(List<EntryMapper.Batch> batches) throws IOException {
        for (EntryMapper.Batch b : batches) {
            if (!open.containsKey(b.session())) {
                open.put(b.session(), ExecutionLogger.builder(settings).reporter(reporter).shutdownHook(false).open(b.session()));
                unstarted.add(b.session());
                this.opened++;
            }
        }
    }

    /** Sessions written since the receiver started. */
    synchronized int sessions() {
        return opened;
    }

    @Override
    public synchronized void close() {
        open.values().forEach(ExecutionLogger::close);
        open.clear();
    }
}
