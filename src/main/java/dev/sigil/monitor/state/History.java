package dev.sigil.monitor.state;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the dashboard's history view ({@code H}) shows of every session of the log root: cost and tokens per day over
 * the last {@link #DAYS} days, and the most expensive sessions and models of those days. Read off the render thread
 * ({@link Effect.LoadHistory}) and handed back as {@link MonitorAction.HistoryLoaded}. Immutable.
 *
 * @param state whether it is being read, read, or could not be
 * @param problem why it could not be read, ""
 * @param days one entry per day, oldest first, days without a line included
 * @param sessions the most expensive sessions, most first
 * @param models the most expensive models, most first
 */
public record History(State state, String problem, List<Total> days, List<Total> sessions, List<Total> models) {

    /** Days the view covers, today included. */
    public static final int DAYS = 30;
    /** Sessions and models listed. */
    public static final int TOP = 10;

    public static final History NONE = new History(State.NONE, "", List.of(), List.of(), List.of());
    public static final History LOADING = new History(State.LOADING, "", List.of(), List.of(), List.of());

    /** Where the reading is. */
    public enum State { NONE, LOADING, READ, FAILED }

    /**
     * One day's, session's or model's spending.
     *
     * @param name the day ({@code 2026-01-11}), session or model
     * @param usd dollars of its priced lines
     * @param tokens its counted tokens
     * @param priced whether any of its lines had a price
     */
    public record Total(String name, BigDecimal usd, long tokens, boolean priced) {
    }

    public History {
        days = List.copyOf(days);
        sessions = List.copyOf(sessions);
        models = List.copyOf(models);
    }

    public static History failed(String problem) {
        return new History(State.FAILED, problem, List.of(), List.of(), List.of());
    }
}
