package dev.sigil.monitor.state;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.event.LogEvent;

/**
 * Merges runs of high-rate actions waiting for the render thread (GUIDE practice 7): consecutive
 * {@link MonitorAction.LinesAppended} become one batch, consecutive {@link MonitorAction.LineProblems} one sum, and
 * of consecutive ticks or resizes only the last counts; the backlog's progress between batches waits until the batches
 * merged around it are (only the latest counts; the progress that says the backlog is done stays where it is: the
 * fold kept is the one at that line, ADR 0165). Reducing the result gives the same state as reducing the actions one
 * by one (a property test checks it), at the cost of one fold instead of many.
 */
public final class Coalescing {

    private Coalescing() {
    }

    public static List<MonitorAction> coalesce(List<MonitorAction> actions) {
        List<MonitorAction> out = new ArrayList<>(Math.min(actions.size(), 16));
        List<LogEvent> lines = new ArrayList<>();
        Positions positions = new Positions();
        long linesAt = 0;
        MonitorAction.BacklogFolded progress = null;
        for (MonitorAction a : actions) {
            if (a instanceof MonitorAction.LinesAppended l) {
                if (progress != null && progress.fold() != null) {
                    out.add(progress); // a fold made on the reader's thread replaces the session: never after later lines
                    progress = null;
                }
                positions.add(l, lines.size());
                lines.addAll(l.events());
                linesAt = l.atMillis();
                continue;
            }
            if (a instanceof MonitorAction.BacklogFolded f && !f.done()) {
                if (f.fold() != null && !lines.isEmpty()) {
                    out.add(new MonitorAction.LinesAppended(lines, linesAt, positions.take()));
                    lines = new ArrayList<>();
                }
                progress = progress == null ? f : later(progress, f);
                continue;
            }
            if (!lines.isEmpty()) {
                out.add(new MonitorAction.LinesAppended(lines, linesAt, positions.take()));
                lines = new ArrayList<>();
            }
            if (progress != null) {
                out.add(progress);
                progress = null;
            }
            MonitorAction last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (a instanceof MonitorAction.LineProblems p && last instanceof MonitorAction.LineProblems q) {
                out.set(out.size() - 1, new MonitorAction.LineProblems(q.malformed() + Math.max(0, p.malformed()),
                        q.tooLong() + Math.max(0, p.tooLong()), q.invalidUtf8() + Math.max(0, p.invalidUtf8())));
            } else if ((a instanceof MonitorAction.Tick && last instanceof MonitorAction.Tick)
                    || (a instanceof MonitorAction.Resize && last instanceof MonitorAction.Resize)) {
                out.set(out.size() - 1, a);
            } else {
                out.add(a);
            }
        }
        if (!lines.isEmpty()) {
            out.add(new MonitorAction.LinesAppended(lines, linesAt, positions.take()));
        }
        if (progress != null) {
            out.add(progress);
        }
        return out;
    }

    /**
     * One progress for two consecutive ones: the later's place; of folds made on the reader's thread (ADR 0205), the
     * later's session with both one's counts (a fold without one keeps the earlier's).
     */
    public static MonitorAction.BacklogFolded later(MonitorAction.BacklogFolded earlier, MonitorAction.BacklogFolded later) {
        FoldedSoFar fold = earlier.fold() == null ? later.fold() : later.fold() == null ? earlier.fold() : earlier.fold().then(later.fold());
        return new MonitorAction.BacklogFolded(later.bytes(), later.done(), later.checkpoint(), fold);
    }

    /** The positions of a merged batch: kept when some of its parts had them, the others' filled in as unknown. */
    private static final class Positions {
        private List<MonitorAction.Position> list = new ArrayList<>();
        private boolean any;

        void add(MonitorAction.LinesAppended l, int before) {
            if (!l.positions().isEmpty() && !any) {
                any = true;
                for (int i = 0; i < before; i++) {
                    list.add(MonitorAction.Position.UNKNOWN);
                }
            }
            if (any) {
                if (l.positions().isEmpty()) {
                    for (int i = 0; i < l.events().size(); i++) {
                        list.add(MonitorAction.Position.UNKNOWN);
                    }
                } else {
                    list.addAll(l.positions());
                }
            }
        }

        List<MonitorAction.Position> take() {
            List<MonitorAction.Position> out = any ? list : List.of();
            list = new ArrayList<>();
            any = false;
            return out;
        }
    }
}
