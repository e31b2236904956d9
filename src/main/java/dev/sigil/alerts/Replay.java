package dev.sigil.alerts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.report.LogSource;
import dev.sigil.report.ReportReader;
import dev.sigil.spend.Prices;
import dev.sigil.tail.LineContract;

/** Reads logs back through the rules: every alert that would have fired, in the order of the lines. */
public final class Replay {

    /**
     * What was read.
     *
     * @param lines lines decoded
     * @param skipped lines that are not JSON objects, or too long
     * @param alerts alerts fired
     * @param sessionsLeftOut lines of sessions beyond the evaluator's bound, which no rule saw
     * @param late lines the rules over all sessions took out of the merged order (more held than its bound)
     */
    public record Counts(long lines, long skipped, long alerts, long sessionsLeftOut, long late) {
    }

    private Replay() {
    }

    /**
     * Replays {@code sources}, in their order, and gives {@code out} every alert. With a rule over all sessions, the
     * alerts are given at the end, in the merged order of their lines (docs/alerts.md §3), those of one line in the
     * rules' order.
     */
    public static Counts run(RuleSet rules, List<LogSource> sources, FormatSet formats, Prices prices, EventTime undated, Consumer<Alert> out)
            throws IOException {
        Evaluator evaluator = new Evaluator(rules, prices, undated).merging();
        boolean merged = evaluator.acrossSessions();
        List<AcrossSessions.Released> found = new ArrayList<>();
        long[] n = {0, 0, 0}; // lines decoded, alerts, notices and events told (their order)
        Consumer<List<Alert>> fired = alerts -> {
            for (Alert a : alerts) {
                n[1]++;
                if (merged) {
                    found.add(new AcrossSessions.Released(a, evaluator.lastKey()));
                } else {
                    out.accept(a);
                }
            }
        };
        long skipped = ReportReader.each(sources, formats, new ReportReader.Lines() {
            @Override
            public void line(LogSource source, long number, LogEvent event) {
                n[0]++;
                fired.accept(evaluator.add(event, source.session(), source.file().toString(), number, ++n[2]));
            }

            @Override
            public void invalid(LogSource source, long number, String rule) {
                fired.accept(evaluator.invalid(source.session(), source.file().toString(), number, ++n[2]));
            }
        }, evaluator.countsInvalid() ? new LineContract() : null);
        if (merged) {
            List<AcrossSessions.Released> across = evaluator.release(Long.MAX_VALUE);
            n[1] += across.size();
            found.addAll(across);
            found.sort(Comparator.comparing(AcrossSessions.Released::key).thenComparingInt(r -> r.alert().rule().line()));
            found.forEach(r -> out.accept(r.alert()));
        }
        return new Counts(n[0], skipped, n[1], evaluator.sessionsLeftOut(), evaluator.late());
    }
}
