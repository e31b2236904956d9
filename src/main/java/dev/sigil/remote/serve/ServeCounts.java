package dev.sigil.remote.serve;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What the server did, counted from any thread: streams opened, bytes sent, refusals by reason. */
public final class ServeCounts {

    private final LongAdder streams = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();

    void stream() {
        streams.increment();
    }

    void request() {
        requests.increment();
    }

    void sent(long n) {
        bytes.addAndGet(n);
    }

    void refused(String what) {
        refused.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    public long streams() {
        return streams.sum();
    }

    public long bytesSent() {
        return bytes.get();
    }

    /** Refusals by their kind (the close code's name, or the HTTP status), sorted. */
    public Map<String, Long> refusals() {
        Map<String, Long> out = new TreeMap<>();
        refused.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Override
    public String toString() {
        long r = refusals().values().stream().mapToLong(Long::longValue).sum();
        return streams() + (streams() == 1 ? " stream, " : " streams, ") + requests.sum()
                + (requests.sum() == 1 ? " HTTP request, " : " HTTP requests, ") + bytesSent() + " bytes sent, " + r + " refused"
                + (r == 0 ? "" : " " + refusals());
    }
}
