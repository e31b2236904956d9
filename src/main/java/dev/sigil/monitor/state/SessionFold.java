package dev.sigil.monitor.state;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.sigil.contract.event.CountedTokens;
import dev.sigil.contract.event.Dialect;
import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.spend.Prices;
import dev.sigil.spend.SessionSpend;

/**
 * Folds a batch of events into {@link SessionStats}: the documented {@code update_from_entry} (seed 001 §4.3),
 * with the token rules of docs/contract.md §4 (a restated total is not added again) and §9 (seed-002 snapshots are
 * authoritative, orchestrator lines are not summed). Mutable while it folds, used by the reducer only: the result
 * is a new immutable value and the input is untouched.
 */
final class SessionFold {

    /** Beyond this many distinct component names, further names are counted together (bounded memory). */
    static final int MAX_COMPONENTS = 256;
    static final String OTHER_COMPONENTS = "(other components)";

    private String sessionId;
    private Status status;
    private EventTime start;
    private EventTime end;
    private long budget;
    private BudgetSource budgetSource;
    private long summed;
    private long snapshotUsed;
    private long restatements;
    private final List<ComponentStats> components;
    private final Map<String, Integer> componentIndex = new HashMap<>();
    private final List<EventRow> newRows = new ArrayList<>();
    private final List<EventRow> newErrors = new ArrayList<>();
    private final TokenHistory.Builder history;
    private final BurnWindow.Builder burn;
    private EventTime latest;
    private long statusSince;
    private final EventTime.Reader times = new EventTime.Reader();
    private final long firstSeq;
    private final long atMillis;
    private final Prices prices;
    private final SessionSpend.Builder spending;

    private SessionFold(SessionStats s, long atMillis, Prices prices, long unrowed) {
        this.prices = prices;
        spending = s.spending().builder();
        sessionId = s.sessionId();
        status = s.status();
        start = s.start();
        end = s.end();
        budget = s.budget();
        budgetSource = s.budgetSource();
        summed = s.summedTokens();
        snapshotUsed = s.snapshotUsed();
        restatements = s.restatements();
        components = new ArrayList<>(s.components());
        for (int i = 0; i < components.size(); i++) {
            componentIndex.put(components.get(i).name(), i);
        }
        history = s.history().builder();
        burn = s.burn().builder();
        latest = s.latest();
        statusSince = s.statusSinceMillis();
        firstSeq = s.recent().total() + unrowed + 1;
        this.atMillis = atMillis;
    }

    static SessionStats apply(SessionStats s, List<LogEvent> events, long atMillis) {
        return apply(s, events, atMillis, List.of(), Prices.NONE);
    }

    /** With where each line was read ({@code positions}: one per event, or empty), pricing lines with {@code prices}. */
    static SessionStats apply(SessionStats s, List<LogEvent> events, long atMillis, List<MonitorAction.Position> positions,
                              Prices prices) {
        if (events.isEmpty()) {
            return s;
        }
        SessionFold fold = new SessionFold(s, atMillis, prices, 0);
        // Rows only for the events the recent list can keep, and for errors: a backlog's batches of thousands of
        // events make no row for most of them (ADR 0180).
        int rowsFrom = Math.max(0, events.size() - s.recent().capacity());
        fold.addAll(events, positions, rowsFrom);
        return fold.stats(s, s.recent().appendNewest(fold.newRows, events.size()));
    }

    /**
     * The counters, totals and errors of {@code events} folded in, the recent list left as it is (ADR 0250): for a
     * backlog's events whose rows are made later, if at all ({@link #withNewest}); {@code unrowed} events were folded
     * so before these without rows, so that these are numbered after them.
     */
    static SessionStats count(SessionStats s, List<LogEvent> events, long atMillis, List<MonitorAction.Position> positions,
                              Prices prices, long unrowed) {
        if (events.isEmpty()) {
            return s;
        }
        SessionFold fold = new SessionFold(s, atMillis, prices, unrowed);
        fold.addAll(events, positions, events.size());
        return fold.stats(s, s.recent());
    }

    /**
     * The recent list of {@code s} after {@code added} events folded by {@link #count}, of which {@code newest} (read
     * at {@code positions}) are the last: their rows, numbered as the session numbers them (ADR 0250).
     */
    static SessionStats withNewest(SessionStats s, List<LogEvent> newest, List<MonitorAction.Position> positions, long added) {
        if (added == 0) {
            return s;
        }
        long firstSeq = s.recent().total() + added - newest.size() + 1;
        List<EventRow> rows = new ArrayList<>(newest.size());
        for (int i = 0; i < newest.size(); i++) {
            rows.add(EventRow.of(firstSeq + i, newest.get(i), positions.get(i)));
        }
        return s.withRecent(s.recent().appendNewest(rows, added));
    }

    private void addAll(List<LogEvent> events, List<MonitorAction.Position> positions, int rowsFrom) {
        for (int i = 0; i < events.size(); i++) {
            add(events.get(i), positions.isEmpty() ? MonitorAction.Position.UNKNOWN : positions.get(i), i, i >= rowsFrom);
        }
    }

    private SessionStats stats(SessionStats s, Ring<EventRow> recent) {
        return new SessionStats(sessionId, status, start, end, budget, budgetSource, summed, snapshotUsed, restatements,
                components, recent, s.errors().appendAll(newErrors), history.build(), burn.build(), latest, atMillis,
                statusSince, spending.build());
    }

    private void add(LogEvent e, MonitorAction.Position position, int index, boolean keepRow) {
        if (sessionId.isEmpty() && !e.sessionId().isEmpty()) {
            sessionId = EventRow.cut(e.sessionId(), EventRow.MAX_FIELD);
        }
        EventTime time = times.parse(e.timestamp());
        if (time != null && (latest == null || time.micros() > latest.micros())) {
            latest = time;
        }
        applyEventType(e, time);
        long counted = countedTokens(e);
        EventTime at = time != null ? time : latest;
        if (counted > 0) {
            summed = Counts.add(summed, counted);
            if (at != null) {
                history.add(at.epochSecond(), counted);
                burn.add(at.epochSecond(), counted);
            }
        }
        spend(e, counted, at);
        if (keepRow || e.isError()) {
            EventRow row = EventRow.of(firstSeq + index, e, position);
            if (keepRow) {
                newRows.add(row);
            }
            if (e.isError()) {
                newErrors.add(row);
            }
        }
    }

    /** What the line spent, priced at its own time (else the newest time read, else when it arrived). */
    private void spend(LogEvent e, long counted, EventTime at) {
        Optional<BigDecimal> price = counted <= 0 ? Optional.empty()
                : at != null ? prices.of(e.usage(), at) : prices.of(e.usage(), Instant.ofEpochMilli(atMillis));
        spending.add(e, counted, price, at != null ? at.epochSecond() : Long.MIN_VALUE);
    }

    private void applyEventType(LogEvent e, EventTime time) {
        switch (e.eventType()) {
            case "session_start" -> {
                moveTo(Status.RUNNING);
                start = time;
                end = null;
                if (e.dialect() == Dialect.EXECUTION_ENTRY && e.budget() >= 0) {
                    budget = e.budget();
                    budgetSource = BudgetSource.SESSION_START;
                }
            }
            case "session_complete" -> {
                moveTo(Status.COMPLETE);
                end = time;
            }
            case "session_error" -> {
                moveTo(Status.ERROR);
                end = time;
            }
            default -> {
                if (!status.isFinished()) {
                    moveTo(Status.RUNNING); // lines of a session whose start this log does not hold (or came back)
                }
                if (e.eventType().equals("step_complete") || e.eventType().equals("step_error")) {
                    updateComponent(e);
                }
            }
        }
        if (e.dialect() == Dialect.OPERATION_LOG) {
            if (e.budgetUsed() >= 0) {
                snapshotUsed = e.budgetUsed();
            }
            if (e.budget() >= 0) {
                budget = e.budget();
                budgetSource = BudgetSource.SNAPSHOT;
            }
        }
    }

    /** The tokens this line adds to the session's total (docs/contract.md §4, §9). */
    private long countedTokens(LogEvent e) {
        if (CountedTokens.restates(e, summed)) {
            restatements++;
        }
        return CountedTokens.of(e, summed);
    }

    private void updateComponent(LogEvent e) {
        String name = e.dialect() == Dialect.OPERATION_LOG && e.contractComponent() != null
                ? e.contractComponent().wireName() : EventRow.cut(e.component(), EventRow.MAX_FIELD);
        Integer index = componentIndex.get(name);
        if (index == null) {
            if (components.size() >= MAX_COMPONENTS - 1 && !name.equals(OTHER_COMPONENTS)) {
                name = OTHER_COMPONENTS;
                index = componentIndex.get(name);
            }
            if (index == null) {
                index = components.size();
                components.add(ComponentStats.named(name));
                componentIndex.put(name, index);
            }
        }
        ComponentStats c = components.get(index);
        double latency = e.hasLatency() ? c.totalLatencyMs() + e.latencyMs() : c.totalLatencyMs();
        components.set(index, new ComponentStats(c.name(), Counts.add(c.tokens(), e.tokens()), c.operations() + 1, latency,
                c.errors() + (e.eventType().equals("step_error") ? 1 : 0), EventRow.cut(e.message(), EventRow.MAX_MESSAGE),
                EventRow.cut(e.timestamp(), EventRow.MAX_FIELD)));
    }

    private void moveTo(Status next) {
        if (next != status) {
            status = next;
            statusSince = atMillis;
        }
    }
}
