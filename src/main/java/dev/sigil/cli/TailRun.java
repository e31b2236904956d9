package dev.sigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

import dev.sigil.contract.format.FormatSet;
import dev.sigil.print.TailPrinter;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.TailSource;
import dev.sigil.tail.TailStats;
import dev.sigil.tail.Tailer;

/** The two ways {@code sigil tail} runs a {@link Tailer}: once to the end of each file, or following. */
final class TailRun {

    private TailRun() {
    }

    /** Reads each source to its end, one after the other, with a header per file when there are several. */
    static int once(List<TailSource> sources, TailOptions options, TailPrinter printer, boolean verbose, FormatSet formats) {
        int failed = 0;
        TailStats total = TailStats.EMPTY;
        for (TailSource source : sources) {
            try (Tailer tailer = new Tailer(List.of(source), options, printer, printer.render(), formats)) {
                if (exists(source)) {
                    printer.header(source.name());
                }
                failed += tailer.readAll();
                total = total.plus(tailer.stats());
            }
        }
        printer.flush();
        if (verbose) {
            printer.note("total: " + TailPrinter.summary(total) + ", " + printer.unrecognised() + " of no known format");
        }
        if (failed > 0) {
            return ExitCode.USAGE;
        }
        return total.anyProblem() ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** Follows every source until the thread is interrupted (Ctrl-C ends the process before that). */
    static int follow(List<TailSource> sources, TailOptions options, TailPrinter printer, FormatSet formats) {
        try (Tailer tailer = new Tailer(sources, options, printer, printer.render(), formats)) {
            tailer.run();
        }
        return ExitCode.INTERRUPTED;
    }

    /** stdout went away: a closed pipe ends the run quietly, like other Unix tools; anything else is reported. */
    static int outputFailed(UncheckedIOException e, PrintWriter err) {
        String message = String.valueOf(e.getCause().getMessage());
        if (message.contains("Broken pipe") || message.contains("Stream closed")) {
            return ExitCode.OK;
        }
        err.println("sigil tail: cannot write the output: " + message);
        err.flush();
        return ExitCode.USAGE;
    }

    private static boolean exists(TailSource source) {
        try {
            return source.keyAtName() != null;
        } catch (IOException e) {
            return false;
        }
    }
}
