package dev.sigil.alerts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

import dev.sigil.spend.Ledger;

/**
 * The rules over all sessions ({@code scope: {sessions: all}}): one window and one cooldown for the lines of every
 * session, taken in their merged order (docs/alerts.md §3): by time (a line's time is its session's newest so far,
 * a line before any is first), then session, file and line number. Lines come in each file's order, so the lines a
 * rule looks at are held (as small samples, not as lines) until the caller knows that nothing earlier can still come,
 * and then folded in the merged order. A replay holds them to its end; a live watch releases those older than every
 * growing file's newest time. Held samples are bounded by bytes: past {@link #MAX_HELD_BYTES} the oldest are folded
 * early, and a line that comes after a later one was folded is counted as {@link #late}. Not thread-safe.
 */
final class AcrossSessions {

    /** Bytes of held samples (estimated) past which the oldest are folded without waiting. */
    static final long MAX_HELD_BYTES = 64L << 20;

    /** Where a line is in the merged order. */
    record Key(long micros, String session, String file, long number, long ordinal) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(micros, o.micros);
            c = c != 0 ? c : session.compareTo(o.session);
            c = c != 0 ? c : file.compareTo(o.file);
            c = c != 0 ? c : Long.compare(number, o.number);
            return c != 0 ? c : Long.compare(ordinal, o.ordinal);
        }
    }

    /** An alert of a rule over all sessions, where its line is in the merged order. */
    record Released(Alert alert, Key key) {
    }

    /** What a line gives the rules over all sessions: its place, its time of day, and each rule's sample (or null). */
    private record Held(Key key, long local, String timestamp, BigDecimal[] samples, boolean error, long bytes) {
    }

    private final List<RuleState> rules;
    private final PriorityQueue<Held> held = new PriorityQueue<>((a, b) -> a.key.compareTo(b.key));
    private final Evaluator.SessionClock clock = new Evaluator.SessionClock();
    private Key last;
    private long heldBytes;
    private long late;

    AcrossSessions(List<RuleState> rules) {
        this.rules = rules;
    }

    /** Holds what {@code line} gives the rules, if any of them looks at it; returns what the byte bound folds early. */
    List<Released> hold(Ledger.Line line, Evaluator.SessionClock at, Key key, String timestamp) {
        BigDecimal[] samples = null;
        for (int i = 0; i < rules.size(); i++) {
            BigDecimal s = rules.get(i).sampleOf(line);
            if (s != null) {
                samples = samples == null ? new BigDecimal[rules.size()] : samples;
                samples[i] = s;
            }
        }
        return hold(samples, line.event().isError(), at, key, timestamp);
    }

    /** Holds what a line that fails the contract gives the rules of {@code invalid_lines}, if any. */
    List<Released> holdInvalid(Evaluator.SessionClock at, Key key, String timestamp) {
        BigDecimal[] samples = null;
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).countsInvalid(key.session())) {
                samples = samples == null ? new BigDecimal[rules.size()] : samples;
                samples[i] = BigDecimal.ONE;
            }
        }
        return hold(samples, false, at, key, timestamp);
    }

    private List<Released> hold(BigDecimal[] samples, boolean error, Evaluator.SessionClock at, Key key, String timestamp) {
        if (samples == null) {
            return List.of();
        }
        long bytes = 160 + 2L * (key.session().length() + key.file().length() + timestamp.length()) + 56L * rules.size();
        held.add(new Held(key, at.localMicros, timestamp, samples, error, bytes));
        heldBytes += bytes;
        List<Released> out = new ArrayList<>(0);
        while (heldBytes > MAX_HELD_BYTES) {
            fold(held.poll(), out);
        }
        return out;
    }

    /** Folds, in the merged order, the held lines whose time is before {@code micros} ({@link Long#MAX_VALUE}: all). */
    List<Released> release(long micros) {
        List<Released> out = new ArrayList<>(0);
        while (!held.isEmpty() && (micros == Long.MAX_VALUE || held.peek().key.micros() < micros)) {
            fold(held.poll(), out);
        }
        return out;
    }

    /** The smallest ordinal held of each file's lines (their alerts are not known yet), by file; one pass. */
    Map<String, Long> heldFrom() {
        Map<String, Long> out = new HashMap<>();
        for (Held h : held) {
            out.merge(h.key.file(), h.key.ordinal(), Math::min);
        }
        return out;
    }

    /** Lines folded after a line later in the merged order (their place in it was already passed). */
    long late() {
        return late;
    }

    private void fold(Held h, List<Released> out) {
        heldBytes -= h.bytes;
        if (last != null && h.key.compareTo(last) < 0) {
            late++;
        } else {
            last = h.key;
        }
        if (h.key.micros() != Evaluator.SessionClock.NONE && (clock.instantMicros == Evaluator.SessionClock.NONE
                || h.key.micros() >= clock.instantMicros)) {
            clock.instantMicros = h.key.micros();
            clock.localMicros = h.local;
        }
        for (int i = 0; i < rules.size(); i++) {
            if (h.samples[i] == null) {
                continue;
            }
            BigDecimal value = rules.get(i).fold("", h.samples[i], h.error, clock);
            if (value != null) {
                out.add(new Released(new Alert(rules.get(i).rule(), value, h.key.session(), h.timestamp, h.key.file(), h.key.number()), h.key));
            }
        }
    }
}
