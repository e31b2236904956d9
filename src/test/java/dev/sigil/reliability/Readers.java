package dev.sigil.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The readers as a user runs them, each a real process of the packaged launcher ({@code scripts/sigil}, with the heap
 * it gives) under GNU time: {@code monitor} in its three modes, {@code tail}, {@code validate} and {@code fmt}, with
 * what each printed counted (not kept: a gigabyte of output stays out of memory and off the disk). The dashboard runs
 * in a tmux server of the caller's own, until it shows that it read the whole log.
 */
final class Readers {

    static final Path HOME = Path.of(System.getProperty("sigil.home", ".")).toAbsolutePath();
    static final String SIGIL = HOME.resolve("scripts/sigil").toString();

    /** The readers, by the name the matrix shows. */
    enum Mode {
        STREAM("monitor --mode stream --no-follow", "grep -c ' tokens)$'"),
        MINIMAL("monitor --mode minimal --no-follow", "grep -c 'Tokens: '"),
        DASHBOARD("monitor --mode dashboard --no-follow", null),
        TAIL("tail", "wc -l"),
        VALIDATE("validate", "cat"),
        FMT("fmt", "wc -c");

        final String args;
        final String count;

        Mode(String args, String count) {
            this.args = args;
            this.count = count;
        }

        String label() {
            return this == STREAM || this == MINIMAL || this == DASHBOARD ? "monitor " + name().toLowerCase(Locale.ROOT)
                    : name().toLowerCase(Locale.ROOT);
        }
    }

    private Readers() {
    }

    /**
     * Starts the launcher once, so that the JVM's class-data cache of this jar exists before anything is measured: the
     * launcher makes it on the first start after a build, in JVMs of its own (with the default heap) that GNU time
     * would count as the reader's.
     */
    static void warmUp(Path dir) throws IOException, InterruptedException {
        MeasuredRun run = MeasuredRun.run("warm-up", dir, List.of("env", "SIGIL_NO_BUILD=1", SIGIL, "--version"), null, 300);
        if (run.exitCode() != 0) {
            throw new AssertionError("the launcher does not start: " + run + "; stderr: " + run.err());
        }
    }

    /**
     * Runs {@code mode} on {@code log} through the launcher, with {@code javaOpts} in SIGIL_JAVA_OPTS (empty: the
     * launcher's own heap); its stdout is what the mode's count printed (the dashboard's: the screen at the end).
     */
    static MeasuredRun run(Path dir, Mode mode, Path log, String javaOpts) throws IOException, InterruptedException {
        String what = mode.label() + " " + log.getFileName() + (javaOpts.isEmpty() ? "" : " " + javaOpts);
        if (mode == Mode.DASHBOARD) {
            return dashboard(dir, what, log, javaOpts);
        }
        String line = "SIGIL_NO_BUILD=1 SIGIL_JAVA_OPTS='" + javaOpts + "' '" + SIGIL + "' " + mode.args + " '" + log + "' | " + mode.count;
        return MeasuredRun.run(what, dir, List.of("bash", "-o", "pipefail", "-c", line), null, 600);
    }

    private static MeasuredRun dashboard(Path dir, String what, Path log, String javaOpts) throws IOException, InterruptedException {
        try (DashboardUnderTime d = DashboardUnderTime.start(dir, what, Mode.DASHBOARD.args, log, javaOpts)) {
            String shown = d.until(s -> s.contains("read to its end") || s.contains("reading stopped"), 600);
            return d.quit(shown, d.seconds());
        }
    }
}
