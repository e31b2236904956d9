package dev.sigil.monitor.state;

import java.math.BigDecimal;
import java.util.ArrayList;
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

    private FoldImage() {
    }

    public static byte[] encode(SavedFold f) {
        FoldBytes.Out o = new FoldBytes.Out();
        session(o, f.session());
        o.longs(f.malformed(), f.tooLong(), f.invalidUtf8(), f.unrecognised());
        o.string(f.format());
        return o.bytes();
    }

    /** The fold {@code bytes} hold; {@link IllegalArgumentException} when they are not a whole image. */
    public static SavedFold decode(byte[] bytes) {
        FoldBytes.In in = new FoldBytes.In(bytes);
        try {
            SessionStats s = session(in);
            SavedFold f = new SavedFold(s, in.natural(), in.natural(), in.natural(), in.natural(), in.string());
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("bytes after the fold");
            }
            return f;
        } catch (IllegalStateException | NullPointerException e) {
            throw new IllegalArgumentException("not a whole fold: " + e, e);
        }
    }

    private static void session(FoldBytes.Out o, SessionStats s) {
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

    private static SessionStats session(FoldBytes.In in) {
        String id = in.string();
        Status status = Status.valueOf(in.string());
        EventTime start = in.time();
        EventTime end = in.time();
        long budget = in.natural();
        BudgetSource source = BudgetSource.valueOf(in.string());
        long summed = in.natural();
        long snapshot = in.getLong();
        long restatements = in.natural();
        int n = in.count();
        List<ComponentStats> components = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            components.add(new ComponentStats(in.string(), in.getLong(), in.natural(), in.getDouble(), in.natural(),
                    in.string(), in.string()));
        }
        Ring<EventRow> recent = rows(in);
        Ring<EventRow> errors = rows(in);
        TokenHistory history = TokenHistory.restored(in.longArray(), (int) in.natural(), in.natural(), in.getLong());
        BurnWindow burn = BurnWindow.restored(in.longArray(), in.getLong(), in.getLong());
        EventTime latest = in.time();
        long lastLine = in.getLong();
        long since = in.getLong();
        return new SessionStats(id, status, start, end, budget, source, summed, snapshot, restatements, components, recent, errors,
                history, burn, latest, lastLine, since, spend(in));
    }

    private static void rows(FoldBytes.Out o, Ring<EventRow> ring) {
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

    private static Ring<EventRow> rows(FoldBytes.In in) {
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
            long tokens = in.getLong();
            String message = in.string();
            String error = in.string();
            String eventType = in.string();
            String contract = in.string();
            rows.add(new EventRow(seq, timestamp, level, component, operation, tokens, message, error, eventType,
                    contract.isEmpty() ? null : Component.valueOf(contract), in.string(), in.string(),
                    new MonitorAction.Position(in.string(), in.getLong(), in.getLong())));
        }
        return Ring.restored(capacity, maxBytes, EventRow::weight, rows, total);
    }

    private static void spend(FoldBytes.Out o, SessionSpend s) {
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

    private static SessionSpend spend(FoldBytes.In in) {
        Tally total = tally(in);
        Map<String, Tally> components = tallies(in);
        Map<String, Tally> models = tallies(in);
        BigDecimal[] slots = new BigDecimal[in.count()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = in.decimal();
        }
        CostBurn burn = CostBurn.restored(slots, in.getLong(), in.getLong());
        BigDecimal budget = in.decimal();
        int n = in.count();
        Map<String, TreeNode> nodes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            TreeNode t = new TreeNode(in.string(), in.string(), in.string(), in.string(), in.string(), tally(in), in.getDouble(),
                    in.natural(), in.bool(), in.bool());
            nodes.put(t.id(), t);
        }
        return new SessionSpend(total, components, models, burn, budget, CallTree.restored(nodes));
    }

    private static void tallies(FoldBytes.Out o, Map<String, Tally> m) {
        o.count(m.size());
        for (Map.Entry<String, Tally> e : m.entrySet()) {
            o.string(e.getKey());
            tally(o, e.getValue());
        }
    }

    private static Map<String, Tally> tallies(FoldBytes.In in) {
        int n = in.count();
        Map<String, Tally> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(in.string(), tally(in));
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void tally(FoldBytes.Out o, Tally t) {
        o.longs(t.inputTokens(), t.outputTokens(), t.cacheReadTokens(), t.cacheWriteTokens(), t.cacheWrite1hTokens(),
                t.reasoningTokens(), t.totalTokens(), t.events());
        o.decimal(t.usd());
        o.longs(t.pricedEvents(), t.unpricedTokens());
    }

    private static Tally tally(FoldBytes.In in) {
        long[] v = new long[8];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.getLong();
        }
        return new Tally(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], in.decimal(), in.getLong(), in.getLong());
    }
}
