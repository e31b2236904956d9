package dev.sigil.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real process run under GNU time ({@code /usr/bin/time -v}), with its output in files: exit code, stdout, stderr,
 * peak resident memory (the kernel's high-water mark for the process) and wall time. A process still running after
 * the timeout is killed and reported as hung.
 */
record MeasuredRun(String what, int exitCode, Path stdout, Path stderr, long peakRssKb, double seconds) {

    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

    static MeasuredRun run(String what, Path dir, List<String> command, Path stdin, long timeoutSeconds) throws IOException, InterruptedException {
        if (!Files.isExecutable(GNU_TIME)) {
            throw new AssertionError("GNU time is needed to measure peak memory: apt-get install time");
        }
        String id = what.replaceAll("[^A-Za-z0-9]+", "-");
        Path out = dir.resolve(id + ".out");
        Path err = dir.resolve(id + ".err");
        Path times = dir.resolve(id + ".time");
        List<String> cmd = new ArrayList<>(List.of(GNU_TIME.toString(), "-v", "-o", times.toString()));
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.redirectInput(stdin != null ? ProcessBuilder.Redirect.from(stdin.toFile()) : ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(what + " hung: still running after " + timeoutSeconds + " s");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String timeReport = Files.readString(times, StandardCharsets.UTF_8);
        Matcher m = RSS.matcher(timeReport);
        if (!m.find()) {
            throw new AssertionError("no peak memory in GNU time's report for " + what + ":\n" + timeReport);
        }
        return new MeasuredRun(what, p.exitValue(), out, err, Long.parseLong(m.group(1)), seconds);
    }

    String out() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String err() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return String.format("%s: exit %d, peak RSS %d MiB, %.1f s", what, exitCode, peakRssKb / 1024, seconds);
    }
}
