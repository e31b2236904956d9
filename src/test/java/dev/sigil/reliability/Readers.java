package dev.sigil.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zeroturnaround.exec.ProcessExecutor;

/**
 * The readers as a user runs them, each a real process of the packaged launcher ({@code scripts/sigil}, with the heap
 * it gives) under GNU time: {@code monitor} in its three modes, {@code tail}, {@code validate} and {@code fmt}, with
 * what each printed counted (not kept: a gigabyte of output stays out of memory and off the disk). The dashboard runs
 * in a tmux server of the caller's own, until it shows that it read the whole log.
 */
final class Readers {

    static final Path HOME = Path.of(System.getProperty("sigil.home", ".")).toAbsolutePath();
    static final String SIGIL = HOME.resolve("scripts/sigil").toString();
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

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
        String id = what.replaceAll("[^A-Za-z0-9]+", "-");
        Path times = dir.resolve(id + ".time");
        Path err = dir.resolve(id + ".err");
        Path screen = dir.resolve(id + ".out");
        Path socket = dir.resolve("tmux-" + id.hashCode() + ".sock");
        String line = "SIGIL_NO_BUILD=1 SIGIL_JAVA_OPTS='" + javaOpts + "' /usr/bin/time -v -o '" + times + "' '" + SIGIL + "' "
                + Mode.DASHBOARD.args + " '" + log + "' 2> '" + err + "'; echo \"DASHBOARD-EXITED $?\"; sleep 600";
        tmux(socket, "-f", "/dev/null", "new-session", "-d", "-s", "matrix", "-x", "120", "-y", "40", "bash", "-c", line);
        long start = System.nanoTime();
        try {
            String shown = "";
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(600) && !shown.contains("read to its end")
                    && !shown.contains("DASHBOARD-EXITED") && !shown.contains("reading stopped")) {
                Thread.sleep(100);
                shown = tmux(socket, "capture-pane", "-p", "-t", "matrix");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Files.writeString(screen, shown, StandardCharsets.UTF_8);
            tmux(socket, "send-keys", "-t", "matrix", "q");
            String end = "";
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(620) && !end.contains("DASHBOARD-EXITED")) {
                Thread.sleep(100);
                end = tmux(socket, "capture-pane", "-p", "-t", "matrix");
            }
            Matcher exit = Pattern.compile("DASHBOARD-EXITED (\\d+)").matcher(end);
            Matcher rss = RSS.matcher(Files.exists(times) ? Files.readString(times) : "");
            if (!exit.find() || !rss.find()) {
                throw new AssertionError(what + " did not end after q; the screen:\n" + end + "\nstderr: "
                        + (Files.exists(err) ? Files.readString(err) : ""));
            }
            Files.writeString(screen, "\n" + end, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            return new MeasuredRun(what, Integer.parseInt(exit.group(1)), screen, err, Long.parseLong(rss.group(1)), seconds);
        } finally {
            tmux(socket, "kill-server");
        }
    }

    private static String tmux(Path socket, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        cmd.addAll(List.of(args));
        try {
            return new ProcessExecutor().command(cmd).readOutput(true).redirectErrorStream(true).timeout(20, TimeUnit.SECONDS)
                    .exitValueAny().execute().outputUTF8();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("tmux did not answer: " + cmd, e);
        } catch (IOException e) {
            throw new AssertionError("tmux is needed for this test (apt-get install tmux): " + e.getMessage(), e);
        }
    }
}
