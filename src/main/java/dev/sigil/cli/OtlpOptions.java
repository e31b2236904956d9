package dev.sigil.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.sigil.otlp.ExportCounts;
import dev.sigil.otlp.OtlpExport;
import dev.sigil.otlp.OtlpSettings;
import dev.sigil.otlp.read.LiveForwarder;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.TailSource;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --otlp URL} and {@code --otlp-wait S}, for the commands that can export what they follow as it is written
 * (orchestrate, monitor, tail; docs/otlp.md). Without {@code --otlp} nothing of the export is loaded.
 */
class OtlpOptions {

    /** Most notes kept while a dashboard holds the terminal; they are printed when it closes. */
    private static final int HELD_NOTES = 50;
    /** Seconds a Ctrl-C waits at most for the collector before the process ends. */
    private static final double INTERRUPTED_WAIT = 3;

    @Option(names = "--otlp", paramLabel = "URL",
            description = "Also export the log as it is written, to the OpenTelemetry collector at URL (OTLP/HTTP, e.g. http://127.0.0.1:4318; "
                    + "OTEL_EXPORTER_OTLP_* and OTEL_SERVICE_NAME are honoured; docs/otlp.md).")
    String otlp;

    @Option(names = "--otlp-wait", paramLabel = "S",
            description = "At the end, wait at most S seconds for a collector that is away (default: ${DEFAULT-VALUE}).")
    double otlpWait = 10;

    /** A live export, started; its notes and final counts go to the command's stderr. */
    final class Live {
        private final LiveForwarder forwarder;
        private final PrintWriter err;
        private final String command;
        private final List<String> held;
        private final Thread hook;

        private Live(LiveForwarder forwarder, PrintWriter err, String command, List<String> held) {
            this.forwarder = forwarder;
            this.err = err;
            this.command = command;
            this.held = held;
            this.hook = new Thread(() -> end(Math.min(otlpWait, INTERRUPTED_WAIT)), "sigil-otlp-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        /** Reads what is left, sends it (waiting up to --otlp-wait) and says what was sent; on Ctrl-C, the hook does. */
        ExportCounts end() {
            return end(otlpWait);
        }

        private ExportCounts end(double waitSeconds) {
            ExportCounts counts = forwarder.finish(OtlpRun.seconds(waitSeconds, "--otlp-wait"));
            synchronized (this) {
                if (held != null) {
                    held.forEach(err::println);
                    held.clear();
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

        private boolean reported;
    }

    boolean enabled() {
        return otlp != null;
    }

    /**
     * Starts exporting {@code sources} as they grow, or returns null without {@code --otlp}.
     *
     * @param holdNotes keep the notes until the end (a dashboard holds the terminal)
     */
    Live start(Environment env, List<? extends TailSource> sources, CommandSpec spec, boolean holdNotes) {
        if (otlp == null) {
            return null;
        }
        OtlpRun.seconds(otlpWait, "--otlp-wait");
        OtlpSettings settings = OtlpRun.settings(otlp, "--otlp", env);
        PrintWriter err = spec.commandLine().getErr();
        String command = spec.qualifiedName();
        List<String> held = holdNotes ? new ArrayList<>() : null;
        Consumer<String> direct = OtlpRun.notes(err, command);
        Consumer<String> notes = held == null ? direct : note -> {
            synchronized (held) {
                if (held.size() < HELD_NOTES) {
                    held.add(TerminalText.visible(command + ": " + note));
                }
            }
        };
        OtlpExport export = OtlpRun.open(settings, notes);
        LiveForwarder forwarder = LiveForwarder.start(sources, TailOptions.defaults(), OtlpRun.folder(settings, export, env, null, spec),
                export, notes);
        return new Live(forwarder, err, command, held);
    }
}
