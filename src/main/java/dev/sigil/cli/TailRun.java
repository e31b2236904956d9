package dev.sigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

import dev.sigil.contract.format.FormatSet;
import dev.sigil.print.RawPrinter;
import dev.sigil.print.TailPrinter;
import dev.sigil.remote.RemoteUrl;
import dev.sigil.remote.follow.RemoteFollower;
import dev.sigil.remote.follow.RemoteTail;
import dev.sigil.tail.RawLineListener;
import dev.sigil.tail.TailEvent;
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

    /** Reads, or follows, every source with a raw tailer: each line's bytes as they are ({@code --format raw}). */
    static int raw(List<TailSource> sources, TailOptions options, RawPrinter printer, boolean follow) {
        int failed = 0;
        boolean problem = false;
        for (TailSource source : sources) {
            boolean[] skipped = {false};
            RawLineListener counting = new RawLineListener() {
                @Override
                public void line(String name, long number, long offset, byte[] bytes, int from, int to) {
                    printer.line(name, number, offset, bytes, from, to);
                }

                @Override
                public void onEvent(TailEvent event) {
                    skipped[0] |= event instanceof TailEvent.Skipped;
                    printer.onEvent(event);
                    printer.flush();
                }
            };
            try (Tailer tailer = Tailer.raw(source, options, counting)) {
                if (follow) {
                    // one source followed at a time, as tail -F of one file; several files go one after the other
                    runFlushing(tailer, printer, options.pollInterval().toMillis());
                } else {
                    failed += tailer.readAll();
                }
            }
            problem |= skipped[0];
        }
        printer.flush();
        if (failed > 0) {
            return ExitCode.USAGE;
        }
        return follow ? ExitCode.INTERRUPTED : problem ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private static void runFlushing(Tailer tailer, RawPrinter printer, long pauseMillis) {
        while (!Thread.currentThread().isInterrupted()) {
            long read = tailer.poll();
            printer.flush();
            if (read == 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Follows (or reads to its end) a remote session, reconnecting as long as the server does not refuse. */
    static int remote(RemoteUrl url, RemoteOptions remote, Environment env, boolean follow, TailPrinter printer, RawPrinter raw,
                      PrintWriter err) {
        RemoteFollower.Outcome outcome;
        try {
            outcome = RemoteTail.run(url, MonitorRemote.tls(remote), remote.token(env), follow, printer, raw);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED;
        } catch (UncheckedIOException e) {
            return outputFailed(e, err);
        }
        printer.flush();
        if (outcome.refusal() != null) {
            err.println("sigil tail: " + url + ": refused: " + outcome.refusal());
            err.flush();
            return ExitCode.USAGE;
        }
        return ExitCode.OK;
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
