package dev.sigil.monitor;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.tail.SkipReason;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;

/** The adapter from the tailer's events to the monitor's actions: pure, one event to zero or more actions. */
public final class TailActions {

    private TailActions() {
    }

    public static List<MonitorAction> of(TailEvent event, long nowMillis) {
        if (event instanceof TailEvent.Lines lines) {
            List<LogEvent> events = new ArrayList<>(lines.entries().size());
            List<MonitorAction.Position> positions = new ArrayList<>(lines.entries().size());
            long invalid = 0;
            for (TailEntry e : lines.entries()) {
                MonitorAction.Position position = new MonitorAction.Position(lines.source(), e.line(), e.offset());
                for (LogEvent decoded : e.events()) {
                    events.add(decoded);
                    positions.add(position);
                }
                invalid += e.invalidUtf8() ? 1 : 0;
            }
            List<MonitorAction> out = new ArrayList<>(2);
            if (invalid > 0) {
                out.add(new MonitorAction.LineProblems(0, 0, invalid));
            }
            out.add(new MonitorAction.LinesAppended(events, nowMillis, positions));
            return out;
        }
        if (event instanceof TailEvent.Skipped skipped) {
            boolean tooLong = skipped.reason() == SkipReason.TOO_LONG;
            return List.of(new MonitorAction.LineProblems(tooLong ? 0 : 1, tooLong ? 1 : 0, 0));
        }
        TailEvent.FileChanged changed = (TailEvent.FileChanged) event;
        return List.of(switch (changed.change()) {
            case APPEARED -> new MonitorAction.SourceOpened(changed.source());
            case ROTATED -> new MonitorAction.Rotated(nowMillis);
            case TRUNCATED -> new MonitorAction.Truncated(nowMillis);
            case REPLACED -> new MonitorAction.Replaced(changed.source(), nowMillis);
            case MISSING -> new MonitorAction.Notice("log file missing; waiting for it");
            case UNREADABLE -> new MonitorAction.Notice("cannot read the log: " + changed.detail());
            case READABLE -> new MonitorAction.Notice("the log can be read again");
        });
    }
}
