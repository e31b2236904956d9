package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;

/**
 * Which runs the launcher starts with the C1 compiler alone (ADR 0160, ADR 0192): the dashboard always (C2's
 * compilations of its fold and panels cost 20-35 MB of peak RSS), the text modes of a followed log never; tail past
 * 400 MB under 1M lines estimated from its files' first 64 KiB (ADR 0210); the monitor's text modes read with
 * {@code --no-follow} at any size (ADR 0220). The JVM is
 * a stand-in JDK 25 whose {@code java} prints its arguments, so that the launcher's own choice is what is read.
 */
class LauncherCompilerIT {

    private static final Path HOME = Path.of(System.getProperty("sigil.home", "")).toAbsolutePath();
    private static final String C1 = "-XX:TieredStopAtLevel=1";

    @TempDir
    Path jdk;

    @BeforeEach
    void standInJdk() throws Exception {
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n", StandardCharsets.UTF_8);
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theDashboardRunsOnC1AloneHoweverItsModeIsGiven() throws Exception {
        for (String args : List.of("monitor --mode dashboard s.jsonl", "monitor -m dashboard s.jsonl", "monitor -mdashboard s.jsonl",
                "monitor --mode=dashboard --refresh-rate 0.1 s.jsonl", "monitor --mode dashboard --no-follow s.jsonl")) {
            assertThat(jvmArguments(args, false)).as(args).contains(C1);
        }
        assertThat(jvmArguments("monitor s.jsonl", true)).as("the default mode on a terminal").contains(C1);
    }

    /**
     * The launcher does not read the configuration (ADR 0225): a configured text mode on a terminal runs with C1 alone,
     * as the dashboard it would otherwise be; measured no dearer for the text mode (less CPU on a 1M-line backlog).
     */
    @Test
    void aConfiguredDefaultModeDoesNotChangeTheChoice() throws Exception {
        Path config = jdk.resolve("config.yaml");
        Files.writeString(config, "monitoring:\n  default_mode: stream\n", StandardCharsets.UTF_8);
        assertThat(jvmArguments("monitor s.jsonl", true, config)).as("configured stream, on a terminal").contains(C1);
        assertThat(jvmArguments("monitor s.jsonl", false, config)).as("configured stream, on a pipe").doesNotContain(C1)
                .contains("dev.sigil.cli.Main");
    }

    @Test
    void followedTextModesKeepBothCompilers() throws Exception {
        for (String args : List.of("monitor --mode stream s.jsonl", "monitor -m minimal s.jsonl", "monitor --mode=stream s.jsonl",
                "monitor s.jsonl", "tail -f s.jsonl", "orchestrate --monitor p.yaml")) {
            assertThat(jvmArguments(args, false)).as(args).doesNotContain(C1).contains("dev.sigil.cli.Main");
        }
        assertThat(jvmArguments("monitor --mode stream s.jsonl", true)).as("stream on a terminal").doesNotContain(C1);
    }

    @Test
    void tailPast400MbChoosesByTheLinesItsFilesBegin() throws Exception {
        // Sparse files of 500 MB whose first 64 KiB are lines of 4 KB (about 125,000 lines in all) or of 100 bytes (5M).
        sparse("long.jsonl", 4000);
        sparse("short.jsonl", 100);
        assertThat(jvmArguments("tail long.jsonl", false)).as("long lines").contains(C1);
        assertThat(jvmArguments("tail short.jsonl", false)).as("short lines").doesNotContain(C1).contains("dev.sigil.cli.Main");
        assertThat(jvmArguments("tail long.jsonl short.jsonl", false)).as("both").doesNotContain(C1);
        assertThat(jvmArguments("validate long.jsonl", false)).as("not tail").doesNotContain(C1);
    }

    @Test
    void monitorTextModesNotFollowingRunOnC1AloneAtAnySize() throws Exception {
        // ADR 0220: with both compilers, the stream mode peaked at 150-161 MiB on 1M lines (289 MB), 121 with C1 alone.
        sparse("big.jsonl", 300);
        for (String args : List.of("monitor --mode stream --no-follow big.jsonl", "monitor -m minimal --no-follow big.jsonl",
                "monitor --no-follow big.jsonl")) {
            assertThat(jvmArguments(args, false)).as(args).contains(C1);
        }
        assertThat(jvmArguments("monitor --mode stream big.jsonl", false)).as("followed").doesNotContain(C1);
        assertThat(jvmArguments("fmt big.jsonl", false)).as("not monitor").doesNotContain(C1);
    }

    private void sparse(String name, int lineBytes) throws Exception {
        String line = "{\"msg\":\"" + "x".repeat(lineBytes - 11) + "\"}\n";
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(jdk.resolve(name).toFile(), "rw")) {
            f.write(line.repeat(65536 / lineBytes + 1).getBytes(StandardCharsets.UTF_8));
            f.setLength(500L << 20);
        }
    }

    /** The arguments the launcher gives java for {@code sigil ARGS}; on a terminal (util-linux script) or a pipe. */
    private List<String> jvmArguments(String args, boolean terminal) throws Exception {
        return jvmArguments(args, terminal, null);
    }

    /** The same, with {@code SIGIL_CONFIG} naming {@code config} when it is not null. */
    private List<String> jvmArguments(String args, boolean terminal, Path config) throws Exception {
        String line = "'" + HOME.resolve("scripts/sigil") + "' " + args;
        List<String> command = terminal ? List.of("script", "-qec", line, "/dev/null") : List.of("bash", "-c", line);
        ProcessExecutor run = new ProcessExecutor();
        if (config != null) {
            run.environment("SIGIL_CONFIG", config.toString());
        }
        String out = run.command(command).directory(jdk.toFile())
                .environment("SIGIL_NO_BUILD", "1").environment("SIGIL_NO_CDS", "1").environment("SIGIL_JAVA_HOME", jdk.toString())
                .environment("SIGIL_JAVA_OPTS", "").readOutput(true).exitValueNormal().timeout(60, TimeUnit.SECONDS).execute().outputUTF8();
        return out.lines().map(String::strip).toList();
    }
}
