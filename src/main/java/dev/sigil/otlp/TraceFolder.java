package dev.sigil.otlp;

import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.sigil.cost.UsagePricer;

/**
 * Folds the lines of a log, of any number of sessions, into what OTLP carries (docs/otlp.md): each session's trace
 * ({@link SessionTrace}) under a resource of its own (the service and {@code sigil.session.id}), sent to one sink.
 * At most {@link #MAX_SESSIONS} sessions are kept open; the one least recently written is finished first. Not
 * thread-safe: one thread feeds it. Pure but for the sink.
 */
public final class TraceFolder {

    static final int MAX_SESSIONS = 1024;

    private final Attrs service;
    private final TelemetrySink sink;
    private final UsagePricer pricer;
    private final ZoneId zone;
    private final long startNanos;
    private final Map<String, SessionTrace> sessions = new LinkedHashMap<>(16, 0.75f, true);
    private long lines;

    /**
     * @param service the resource attributes of every session (service.name and OTEL_RESOURCE_ATTRIBUTES)
     * @param sink where spans, records and calls go
     * @param pricer prices the model calls
     * @param zone the zone of naive timestamps (the writing machine's local time)
     * @param startNanos the time of lines whose timestamp cannot be read and that follow no line that has one
     */
    public TraceFolder(Attrs service, TelemetrySink sink, UsagePricer pricer, ZoneId zone, long startNanos) {
        this.service = service;
        this.sink = sink;
        this.pricer = pricer;
        this.zone = zone;
        this.startNanos = startNanos;
    }

    public void line(TraceLine line) {
        lines++;
        SessionTrace trace = sessions.get(line.sessionId());
        if (trace == null) {
            if (sessions.size() >= MAX_SESSIONS) {
                Iterator<SessionTrace> eldest = sessions.values().iterator();
                eldest.next().finish();
                eldest.remove();
            }
            Attrs resource = Attrs.builder().all(service).text(SigilNames.SESSION, line.sessionId()).build();
            trace = new SessionTrace(line.sessionId(), resource, sink, pricer, zone, startNanos);
            sessions.put(line.sessionId(), trace);
        }
        trace.line(line);
    }

    /** Ends every open span of every session (the log ended, or the run did). */
    public void finish() {
        sessions.values().forEach(SessionTrace::finish);
        sessions.clear();
    }

    /** The lines folded so far. */
    public long lines() {
        return lines;
    }
}
