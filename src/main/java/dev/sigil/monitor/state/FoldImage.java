package dev.sigil.monitor.state;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.event.Level;
import dev.sigil.contract.model.Component;
import dev.sigil.spend.CallTree;
import dev.sigil.spend.CostBurn;
import dev.sigil.spend.SessionSpend;
import dev.sigil.spend.Tally;
import dev.sigil.spend.TreeNode;

/**
 * A {@link SavedFold} as bytes and back, for the checkpoint beside a log (ADR 0165): every field of the session, in a
 * fixed order, strings as their UTF-16 units (a lone surrogate survives), enums by name. Pure; bytes that are not
 * such an image (cut, changed, of another version of these types) give an {@link IllegalArgumentException}, never a
 * state. The version of this layout is {@link #LAYOUT}: any change to the fields written here changes it.
 */
public final class FoldImage {

    /** The layout of the fields below; a checkpoint of another layout is not read. */
    public static final int LAYOUT = 1;
    /** Longest list read back (rows, components, nodes): a corrupt count asks for no memory. */
    private static final int MAX_COUNT = 1 << 20;

    private FoldImage() {
    }

    public static byte[] encode(SavedFold f) {
        Out o = new Out();
        session(o, f.session());
        o.longs(f.malformed(), f.tooLong(), f.invalidUtf8(), f.unrecognised());
        o.string(f.format());
        return o.bytes();
    }

    /** The fold {@code bytes} hold; {@link IllegalArgumentException} when they are not a whole image. */
    public static SavedFold decode(byte[] bytes) {
        In in = new In(ByteBuffer.wrap(bytes));
        try {
            SessionStats s = session(in);
            SavedFold f = new SavedFold(s, in.natural(), in.natural(), in.natural(), in.natural(), in.string());
            if (in.buffer.hasRemaining()) {
                throw new IllegalArgumentException("bytes after the fold");
            }
            return f;
        } catch (BufferUnderflowException | IllegalStateException | NullPointerException e) {
            throw new IllegalArgumentException("not a whole fold: " + e, e);
        }
    }

    private static void session(Out o, SessionStats s) {
        o.string(s.sessionId());
        o.string(s.status().name());
        o.time(s.start());
        o.time(s.end());
        o.longs(s.budget());
        o.string(s.budgetSource().name());
        o.longs(s.summedTokens(), s.snapshotUsed(), s.restatements());
        o.count(s.components().size());
        for (ComponentStats c : s.components()) {
            o.string(c.name());
            o.longs(c.tokens(), c.operations());
            o.dbl(c.totalLatencyMs());
            o.longs(c.errors());
            o.string(c.lastMessage());
            o.string(c.lastUpdate());
        }
        rows(o, s.recent());
        rows(o, s.errors());
        TokenHistory h = s.history();
        o.longArray(h.buckets());
        o.longs(h.used(), h.bucketSeconds(), h.originSecond());
        o.longArray(s.burn().slots());
        o.longs(s.burn().latestSecond(), s.burn().firstSecond());
        o.time(s.latest());
        o.longs(s.lastLineAtMillis(), s.statusSinceMillis());
        spend(o, s.spending());
    }

    private static SessionStats session(In in) {
        String id = in.string();
        Status status = Status.valueOf(in.string());
        EventTime start = in.time();
        EventTime end = in.time();
        long budget = in.natural();
        BudgetSource source = BudgetSource.valueOf(in.string());
        long summed = in.natural();
        long snapshot = in.buffer.getLong();
        long restatements = in.natural();
        int n = in.count();
        List<ComponentStats> components = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            components.add(new ComponentStats(in.string(), in.buffer.getLong(), in.natural(), in.buffer.getDouble(), in.natural(),
                    in.string(), in.string()));
        }
        Ring<EventRow> recent = rows(in);
        Ring<EventRow> errors = rows(in);
        TokenHistory history = TokenHistory.restored(in.longArray(), (int) in.natural(), in.natural(), in.buffer.getLong());
        BurnWindow burn = BurnWindow.restored(in.longArray(), in.buffer.getLong(), in.buffer.getLong());
        EventTime latest = in.time();
        long lastLine = in.buffer.getLong();
        long since = in.buffer.getLong();
        return new SessionStats(id, status, start, end, budget, source, summed, snapshot, restatements, components, recent, errors,
                history, burn, latest, lastLine, since, spend(in));
    }

    private static void rows(Out o, Ring<EventRow> ring) {
        o.count(ring.capacity());
        o.longs(ring.maxBytes(), ring.total());
        o.count(ring.size());
        for (EventRow r : ring.items()) {
            o.longs(r.seq());
            o.string(r.timestamp());
            o.string(r.level().name());
            o.string(r.component());
            o.string(r.operation());
            o.longs(r.tokens());
            o.string(r.message());
            o.string(r.error());
            o.string(r.eventType());
            o.string(r.contractComponent() == null ? "" : r.contractComponent().name());
            o.string(r.errorCode());
            o.string(r.suggestion());
            o.string(r.position().source());
            o.longs(r.position().line(), r.position().offset());
        }
    }

    private static Ring<EventRow> rows(In in) {
        int capacity = in.count();
        long maxBytes = in.natural();
        long total = in.natural();
        int n = in.count();
        List<EventRow> rows = new ArrayList<>(Math.min(n, capacity));
        for (int i = 0; i < n; i++) {
            long seq = in.natural();
            String timestamp = in.string();
            Level level = Level.valueOf(in.string());
            String component = in.string();
            String operation = in.string();
            long tokens = in.buffer.getLong();
            String message = in.string();
            String error = in.string();
            String eventType = in.string();
            String contract = in.string();
            rows.add(new EventRow(seq, timestamp, level, component, operation, tokens, message, error, eventType,
                    contract.isEmpty() ? null : Component.valueOf(contract), in.string(), in.string(),
                    new MonitorAction.Position(in.string(), in.buffer.getLong(), in.buffer.getLong())));
        }
        return Ring.restored(capacity, maxBytes, EventRow::weight, rows, total);
    }

    private static void spend(Out o, SessionSpend s) {
        tally(o, s.total());
        tallies(o, s.components());
        tallies(o, s.models());
        BigDecimal[] slots = s.burn().slots();
        o.count(slots.length);
        for (BigDecimal d : slots) {
            o.decimal(d);
        }
        o.longs(s.burn().latestSecond(), s.burn().firstSecond());
        o.decimal(s.budgetUsd());
        o.count(s.tree().nodes().size());
        for (TreeNode n : s.tree().nodes().values()) {
            o.string(n.id());
            o.string(n.parent());
            o.string(n.label());
            o.string(n.component());
            o.string(n.phase());
            tally(o, n.own());
            o.dbl(n.latencyMs());
            o.longs(n.lines(), n.failed() ? 1 : 0, n.declared() ? 1 : 0);
        }
    }

    private static SessionSpend spend(In in) {
        Tally total = tally(in);
        Map<String, Tally> components = tallies(in);
        Map<String, Tally> models = tallies(in);
        BigDecimal[] slots = new BigDecimal[in.count()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = in.decimal();
        }
        CostBurn burn = CostBurn.restored(slots, in.buffer.getLong(), in.buffer.getLong());
        BigDecimal budget = in.decimal();
        int n = in.count();
        Map<String, TreeNode> nodes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            TreeNode t = new TreeNode(in.string(), in.string(), in.string(), in.string(), in.string(), tally(in), in.buffer.getDouble(),
                    in.natural(), in.bool(), in.bool());
            nodes.put(t.id(), t);
        }
        return new SessionSpend(total, components, models, burn, budget, CallTree.restored(nodes));
    }

    private static void tallies(Out o, Map<String, Tally> m) {
        o.count(m.size());
        for (Map.Entry<String, Tally> e : m.entrySet()) {
            o.string(e.getKey());
            tally(o, e.getValue());
        }
    }

    private static Map<String, Tally> tallies(In in) {
        int n = in.count();
        Map<String, Tally> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(in.string(), tally(in));
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void tally(Out o, Tally t) {
        o.longs(t.inputTokens(), t.outputTokens(), t.cacheReadTokens(), t.cacheWriteTokens(), t.cacheWrite1hTokens(),
                t.reasoningTokens(), t.totalTokens(), t.events());
        o.decimal(t.usd());
        o.longs(t.pricedEvents(), t.unpricedTokens());
    }

    private static Tally tally(In in) {
        long[] v = new long[8];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.buffer.getLong();
        }
        return new Tally(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], in.decimal(), in.buffer.getLong(), in.buffer.getLong());
    }

    /** A growing buffer of big-endian fields. */
    private static final class Out {
        private ByteBuffer buffer = ByteBuffer.allocate(64 << 10);

        private void room(int n) {
            if (buffer.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + n));
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
        }

        void longs(long... values) {
            room(8 * values.length);
            for (long v : values) {
                buffer.putLong(v);
            }
        }

        void count(int n) {
            room(4);
            buffer.putInt(n);
        }

        void dbl(double d) {
            room(8);
            buffer.putDouble(d);
        }

        void string(String s) {
            count(s.length());
            room(2 * s.length());
            for (int i = 0; i < s.length(); i++) {
                buffer.putChar(s.charAt(i));
            }
        }

        void time(EventTime t) {
            room(10);
            buffer.put((byte) (t == null ? 0 : 1));
            if (t != null) {
                buffer.putLong(t.micros());
                buffer.put((byte) (t.aware() ? 1 : 0));
            }
        }

        void decimal(BigDecimal d) {
            byte[] unscaled = d.unscaledValue().toByteArray();
            count(d.scale());
            count(unscaled.length);
            room(unscaled.length);
            buffer.put(unscaled);
        }

        void longArray(long[] a) {
            count(a.length);
            longs(a);
        }

        byte[] bytes() {
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    /** The reading side: every count and length checked before memory is asked for. */
    private static final class In {
        final ByteBuffer buffer;

        In(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        int count() {
            int n = buffer.getInt();
            if (n < 0 || n > MAX_COUNT || n > buffer.remaining()) {
                throw new IllegalArgumentException("a count out of range: " + n);
            }
            return n;
        }

        long natural() {
            long v = buffer.getLong();
            if (v < 0) {
                throw new IllegalArgumentException("a negative count: " + v);
            }
            return v;
        }

        boolean bool() {
            long v = buffer.getLong();
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("not a flag: " + v);
            }
            return v == 1;
        }

        String string() {
            int n = buffer.getInt();
            if (n < 0 || 2L * n > buffer.remaining()) {
                throw new IllegalArgumentException("a string longer than what is left: " + n);
            }
            char[] c = new char[n];
            for (int i = 0; i < n; i++) {
                c[i] = buffer.getChar();
            }
            return new String(c);
        }

        EventTime time() {
            byte flag = buffer.get();
            if (flag == 0) {
                return null;
            }
            if (flag != 1) {
                throw new IllegalArgumentException("not a time");
            }
            long micros = buffer.getLong();
            byte aware = buffer.get();
            if (aware != 0 && aware != 1) {
                throw new IllegalArgumentException("not a time");
            }
            return new EventTime(micros, aware == 1);
        }

        BigDecimal decimal() {
            int scale = buffer.getInt();
            int n = count();
            if (n == 0) {
                throw new IllegalArgumentException("not a number");
            }
            byte[] b = new byte[n];
            buffer.get(b);
            return new BigDecimal(new BigInteger(b), scale);
        }

        long[] longArray() {
            int n = count();
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                a[i] = buffer.getLong();
            }
            return a;
        }
    }
}
