package dev.sigil.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.sigil.cost.UsagePricer;
import dev.sigil.otlp.ExportCounts;
import dev.sigil.otlp.OtlpExport;
import dev.sigil.otlp.OtlpSettings;
import dev.sigil.otlp.read.LiveForwarder;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.TailSource;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A live export ({@code --otlp}) of what a command follows: started before the command runs, ended after it, its
 * notes on the command's stderr (held until the end while a dashboard holds the terminal) and its counts said once;
 * on Ctrl-C a shutdown hook ends it, waiting a few seconds at most.
 */
final class LiveExport {

    /** Most notes kept while a dashboard holds the terminal. */
    private static final int HELD_NOTES = 50;
    /** Seconds a Ctrl-C waits at most for the collector before the process ends. */
    private static final int INTERRUPTED_WAIT = 3;

    private final LiveForwarder forwarder;
    private final PrintWriter err;
    private final String command;
    private final List<String> held;
    private final int waitSeconds;
    private final Thread hook;
    private boolean reported;

    private LiveExport(LiveForwarder forwarder, PrintWriter err, String command, List<String> held, int waitSeconds) {
        this.forwarder = forwarder;
        this.err = err;
        this.command = command;
        this.held = held;
        this.waitSeconds = waitSeconds;
        this.hook = new Thread(() -> end(Math.min(waitSeconds, INTERRUPTED_WAIT)), "sigil-otlp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts exporting {@code sources} as they grow, or returns null without {@code --otlp}.
     *
     * @param holdNotes keep the notes until the end (a dashboard holds the terminal)
     * @param pricer the command's prices, for {@code sigil.cost.usd}
     */
    static LiveExport start(OtlpOptions options, Environment env, List<? extends TailSource> sources, CommandSpec spec, boolean holdNotes,
                            UsagePricer pricer) {
        if (options.otlp == null) {
            return null;
        }
        OtlpSettings settings = check(options, env);
        PrintWriter err = spec.commandLine().getErr();
        String command = spec.qualifiedName();
        List<String> held = holdNotes ? new ArrayList<>() : null;
        Consumer<String> notes = held == null ? OtlpRun.notes(err, command) : note -> {
            synchronized (held) {
                if (held.size() < HELD_NOTES) {
                    held.add(TerminalText.visible(command + ": " + note));
                }
            }
        };
        OtlpExport export = OtlpRun.open(settings, notes);
        LiveForwarder forwarder = LiveForwarder.start(sources, TailOptions.defaults(), OtlpRun.folder(settings, export, pricer),
                export, notes);
        return new LiveExport(forwarder, err, command, held, options.otlpWait);
    }

    /** The settings of {@code --otlp}, or the usage error of a bad URL, wait or variable (before a command starts its work). */
    static OtlpSettings check(OtlpOptions options, Environment env) {
        if (options.otlpWait < 0) {
            throw UserError.usage("--otlp-wait must be 0 or more seconds, not " + options.otlpWait);
        }
        return OtlpRun.settings(options.otlp, "--otlp", env);
    }

    /** Reads what is left, sends it (waiting up to --otlp-wait) and says what was sent. */
    ExportCounts end() {
        return end(waitSeconds);
    }

    private ExportCounts end(int seconds) {
        ExportCounts counts = forwarder.finish(Duration.ofSeconds(seconds));
        synchronized (this) {
            if (held != null) {
                synchronized (held) {
                    held.forEach(err::println);
                    held.clear();
                }
            }
            if (!reported) {
                reported = true;
                err.println(command + ": OTLP: " + counts.describe());
                err.flush();
            }
        }
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or ran
            }
        }
        return counts;
    }
}
