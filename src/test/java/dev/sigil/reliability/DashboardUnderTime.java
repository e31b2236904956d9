package dev.sigil.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zeroturnaround.exec.ProcessExecutor;

/**
 * The dashboard as a user runs it: the packaged launcher under GNU time in a tmux server of its own (120x40), read
 * with {@code capture-pane} until its screen shows what the caller waits for, then ended with {@code q}; the run's
 * peak RSS is GNU time's (the kernel's high-water mark of the process).
 */
final class DashboardUnderTime implements AutoCloseable {

    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final String EXITED = "DASHBOARD-EXITED";

    private final String what;
    private final Path times;
    private final Path err;
    private final Path screen;
    private final Path socket;
    private final long start = System.nanoTime();

    private DashboardUnderTime(String what, Path dir) {
        this.what = what;
        String id = what.replaceAll("[^A-Za-z0-9]+", "-");
        this.times = dir.resolve(id + ".time");
        this.err = dir.resolve(id + ".err");
        this.screen = dir.resolve(id + ".out");
        this.socket = dir.resolve("tmux-" + Integer.toHexString(id.hashCode()) + ".sock");
    }

    /** Starts {@code sigil ARGS LOG} with {@code javaOpts} in SIGIL_JAVA_OPTS (empty: the launcher's own). */
    static DashboardUnderTime start(Path dir, String what, String args, Path log, String javaOpts) throws IOException, InterruptedException {
        DashboardUnderTime d = new DashboardUnderTime(what, dir);
        String line = "SIGIL_NO_BUILD=1 SIGIL_JAVA_OPTS='" + javaOpts + "' /usr/bin/time -v -o '" + d.times + "' '" + Readers.SIGIL
                + "' " + args + " '" + log + "' 2> '" + d.err + "'; echo \"" + EXITED + " $?\"; sleep 600";
        d.tmux("-f", "/dev/null", "new-session", "-d", "-s", "matrix", "-x", "120", "-y", "40", "bash", "-c", line);
        return d;
    }

    /** The screen once {@code shown} holds, the dashboard has exited, or {@code seconds} since the start have passed. */
    String until(Predicate<String> shown, long seconds) throws IOException, InterruptedException {
        String now = "";
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds) && !shown.test(now) && !now.contains(EXITED)) {
            Thread.sleep(100);
            now = tmux("capture-pane", "-p", "-t", "matrix");
        }
        return now;
    }

    /** Seconds since the start. */
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Ends the dashboard with q: its exit code and peak RSS, {@code shown} (the screen the caller waited for) and the
     * screen after it exited as its stdout, {@code seconds} as its time.
     */
    MeasuredRun quit(String shown, double seconds) throws IOException, InterruptedException {
        Files.writeString(screen, shown, StandardCharsets.UTF_8);
        tmux("send-keys", "-t", "matrix", "q");
        String end = until(s -> false, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + 20);
        Matcher exit = Pattern.compile(EXITED + " (\\d+)").matcher(end);
        Matcher rss = RSS.matcher(Files.exists(times) ? Files.readString(times) : "");
        if (!exit.find() || !rss.find()) {
            throw new AssertionError(what + " did not end after q; the screen:\n" + end + "\nstderr: "
                    + (Files.exists(err) ? Files.readString(err) : ""));
        }
        Files.writeString(screen, "\n" + end, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return new MeasuredRun(what, Integer.parseInt(exit.group(1)), screen, err, Long.parseLong(rss.group(1)), seconds);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        tmux("kill-server");
    }

    private String tmux(String... args) throws IOException, InterruptedException {
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
