package dev.sigil.remote.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.event.Level;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.monitor.TailActions;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;
import dev.sigil.monitor.state.SessionStats;
import dev.sigil.remote.CloseCode;
import dev.sigil.remote.Messages;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.Tailer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seed 002's stream ({@code /monitoring/v1/logs/stream?session_id=ID&components=A,B}), so that its Python
 * {@code MonitorClient} works unchanged: the client's {@code config} message sets the levels, {@code buffer_size},
 * {@code flush_interval_ms} and {@code heartbeat_interval_ms} (the first send waits half a second for it); the server
 * sends what the log held when the client came
 * as {@code buffer_flush} messages, then new entries as {@code log} messages, and a {@code heartbeat} with the
 * session's status as {@code sigil monitor} works it out (the same reducer, so the same totals). Entries are the log's
 * own objects. Bounded as every stream is ({@link SendWindow}).
 *
 * <p>Public only because Jetty calls its methods through method handles; made by {@link StreamServer} alone.
 */
public final class SeedStream implements Session.Listener.AutoDemanding {

    private static final long CONFIG_WAIT_MILLIS = 500;
    private static final PythonJsonWriter WRITER = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);

    private final Path log;
    private final String id;
    private final StreamSettings settings;
    private final ServeCounts counts;
    private final SendWindow window;
    private volatile SeedFilter filter;
    private volatile int bufferSize = 100;
    private volatile long flushMillis = 100;
    private volatile long heartbeatMillis;
    private volatile Session session;
    private volatile boolean open = true;
    /** Counted down by the client's config message: the backlog waits for it a moment, so that its filter applies. */
    private final java.util.concurrent.CountDownLatch configured = new java.util.concurrent.CountDownLatch(1);
    private MonitorState state;
    private LogEvent last;

    SeedStream(Path log, String id, Set<String> components, StreamSettings settings, ServeCounts counts) {
        this.log = log;
        this.id = id;
        this.settings = settings;
        this.counts = counts;
        this.filter = SeedFilter.all(components);
        this.window = new SendWindow(settings.windowBytes(), settings.stall().toMillis());
        this.heartbeatMillis = settings.seedHeartbeat().toMillis();
    }

    @Override
    public void onWebSocketOpen(Session s) {
        session = s;
        counts.stream();
        Thread t = new Thread(this::follow, "sigil-serve-seed-" + id);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void onWebSocketText(String message) {
        JsonNode m = Messages.read(message);
        if (m == null) {
            close(CloseCode.BAD_REQUEST, "malformed message: not a JSON object");
            return;
        }
        if (!"config".equals(m.path("type").asString(""))) {
            close(CloseCode.BAD_REQUEST, "unknown message type; this stream takes {\"type\":\"config\",...}");
            return;
        }
        Set<Level> levels = EnumSet.noneOf(Level.class);
        for (JsonNode l : m.path("filter").path("levels")) {
            Level level = Level.parse(l.asString(""));
            if (level != null) {
                levels.add(level);
            }
        }
        filter = filter.withLevels(levels);
        bufferSize = (int) clamp(m.path("buffer_size").asLong(bufferSize), 1, 10_000);
        flushMillis = clamp(m.path("flush_interval_ms").asLong(flushMillis), 10, 60_000);
        heartbeatMillis = clamp(m.path("heartbeat_interval_ms").asLong(heartbeatMillis), 100, 600_000);
        configured.countDown();
    }

    private static long clamp(long v, long min, long max) {
        return Math.max(min, Math.min(max, v));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        open = false;
        window.close();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        onWebSocketClose(0, "");
    }

    private void close(CloseCode code, String reason) {
        if (open) {
            counts.refused(code.name());
        }
        open = false;
        window.close();
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(code.code(), reason, Callback.NOOP);
        }
    }

    private void follow() {
        try {
            // seed 002's client sends its config as soon as it is connected; a client that sends none gets the defaults
            configured.await(CONFIG_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        state = MonitorState.initial(log.toString(), true, "", Level.TRACE);
        List<TailEvent> events = new ArrayList<>();
        List<JsonNode> pending = new ArrayList<>();
        TailOptions options = TailOptions.defaults().withPartsFirst(true).withEventsAhead(true).withPollInterval(settings.poll());
        boolean caughtUp = false;
        try (Tailer tailer = new Tailer(new SessionLogs(settings.layout()).source(log), options, events::add)) {
            long flushed = System.nanoTime();
            long beat = 0;
            while (open) {
                long read = tailer.poll();
                for (TailEvent e : events) {
                    take(e, pending);
                }
                events.clear();
                boolean flushDue = System.nanoTime() - flushed >= flushMillis * 1_000_000;
                if (!caughtUp && read == 0 || pending.size() >= bufferSize || caughtUp && flushDue && !pending.isEmpty()) {
                    send(pending, caughtUp ? "log" : "buffer_flush");
                    flushed = System.nanoTime();
                }
                caughtUp |= read == 0;
                if (System.nanoTime() - beat >= heartbeatMillis * 1_000_000) {
                    beat = System.nanoTime();
                    text(heartbeat());
                }
                if (read == 0 && open) {
                    Thread.sleep(settings.poll().toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            close(CloseCode.NOT_FOUND, "cannot read the log: " + e.getMessage());
        }
    }

    private void take(TailEvent event, List<JsonNode> pending) {
        state = Reducer.reduceAll(state, TailActions.of(event, System.currentTimeMillis()));
        if (event instanceof TailEvent.Lines lines) {
            for (TailEntry entry : lines.entries()) {
                LogEvent e = entry.event();
                if (!e.operation().isEmpty()) {
                    last = e;
                }
                if (filter.accepts(e)) {
                    pending.add(entry.json());
                }
            }
        }
    }

    private void send(List<JsonNode> pending, String type) throws InterruptedException {
        for (int from = 0; from < pending.size(); from += bufferSize) {
            StringBuilder b = new StringBuilder("{\"type\":\"").append(type).append("\",\"entries\":[");
            List<JsonNode> part = pending.subList(from, Math.min(pending.size(), from + bufferSize));
            for (int i = 0; i < part.size(); i++) {
                b.append(i == 0 ? "" : ",").append(WRITER.encodeToString(part.get(i)));
            }
            if (!text(b.append("]}").toString())) {
                break;
            }
        }
        pending.clear();
    }

    private String heartbeat() {
        SessionStats s = state.session();
        ObjectNode h = JsonNodeFactory.instance.objectNode();
        h.put("session_id", s.sessionId().isEmpty() ? id : s.sessionId());
        h.put("status", s.status().label());
        if (last == null) {
            h.putNull("current_operation");
            h.putNull("current_component");
        } else {
            h.put("current_operation", last.operation());
            h.put("current_component", last.component());
        }
        h.put("tokens_used", s.tokensUsed());
        h.put("budget_remaining", s.budget() - s.tokensUsed());
        h.put("is_alive", !s.status().isFinished());
        ObjectNode m = JsonNodeFactory.instance.objectNode().put("type", "heartbeat");
        m.set("heartbeat", h);
        return Messages.write(m);
    }

    private boolean text(String message) throws InterruptedException {
        int weight = message.length() * 3;
        if (!open) {
            return false;
        }
        if (!window.reserve(weight)) {
            if (open) {
                close(CloseCode.STALLED, "the client took nothing for " + settings.stall().toSeconds() + " s");
            }
            return false;
        }
        counts.sent(weight);
        session.sendText(message, Callback.from(() -> window.release(weight), e -> window.release(weight)));
        return true;
    }
}
