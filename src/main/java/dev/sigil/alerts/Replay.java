package dev.sigil.alerts;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.report.LogSource;
import dev.sigil.report.ReportReader;
import dev.sigil.spend.Prices;

/** Reads logs back through the rules: every alert that would have fired, in the order of the lines. */
public final class Replay {

    /**
     * What was read.
     *
     * @param lines lines decoded
     * @param skipped lines that are not JSON objects, or too long
     * @param alerts alerts fired
     * @param sessionsLeftOut lines of sessions beyond the evaluator's bound, which no rule saw
     */
    public record Counts(long lines, long skipped, long alerts, long sessionsLeftOut) {
    }

    private Replay() {
    }

    public static Counts run(RuleSet rules, List<LogSource> sources, FormatSet formats, Prices prices, EventTime undated, Consumer<Alert> out)
            throws IOException {
        Evaluator evaluator = new Evaluator(rules, prices, undated);
        long[] n = {0, 0};
        long skipped = ReportReader.each(sources, formats, (source, number, event) -> {
            n[0]++;
            for (Alert a : evaluator.add(event, source.session(), source.file().toString(), number)) {
                n[1]++;
                out.accept(a);
            }
        });
        return new Counts(n[0], skipped, n[1], evaluator.sessionsLeftOut());
    }
}
