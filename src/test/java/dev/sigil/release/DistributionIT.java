package dev.sigil.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

/**
 * The distribution archive as a user gets it: unpacked into a fresh directory with no sources and no Maven, run with
 * only a JDK (no PATH entry but the system's, a fresh HOME, another working directory), it prints the build's
 * version and runs {@code orchestrate}, {@code monitor --mode stream} and {@code validate} on what it wrote.
 */
class DistributionIT {

    @TempDir
    Path machine;

    private ProcessResult run(Path cwd, Map<String, String> env, String... command) throws Exception {
        return new ProcessExecutor().command(command).directory(cwd.toFile()).environment(env).readOutput(true)
                .redirectErrorStream(false).timeout(120, TimeUnit.SECONDS).exitValueAny().execute();
    }

    @Test
    void theUnpackedArchiveRunsWithOnlyAJdk() throws Exception {
        String version = System.getProperty("sigil.version");
        Path archive = Path.of(System.getProperty("sigil.dist"));
        assertThat(archive).as("made by every package (./mvnw -Pdist package)").exists();
        Path opt = Files.createDirectories(machine.resolve("opt"));
        Path home = Files.createDirectories(machine.resolve("home"));
        Path work = Files.createDirectories(machine.resolve("work"));
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("PATH", "/usr/bin:/bin");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("NO_COLOR", "1");

        ProcessResult untar = run(opt, env, "tar", "xzf", archive.toString());
        assertThat(untar.getExitValue()).as(untar.outputUTF8()).isZero();
        Path unpacked = opt.resolve("sigil-" + version);
        try (Stream<Path> top = Files.list(unpacked)) {
            assertThat(top.map(p -> p.getFileName().toString())).contains("bin", "lib", "contract", "docs", "README.md")
                    .doesNotContain("pom.xml", "src", "mvnw", "target");
        }
        String sigil = unpacked.resolve("bin/sigil").toString();

        ProcessResult v = run(work, env, sigil, "--version");
        assertThat(v.getExitValue()).isZero();
        assertThat(v.outputUTF8().lines().findFirst()).hasValue("sigil " + version);

        ProcessResult o = run(work, env, sigil, "orchestrate", "--speed", "0", "--session", "dist-1", "Summarise the quarterly report");
        assertThat(o.getExitValue()).as(o.outputUTF8()).isZero();
        assertThat(o.outputUTF8()).contains("EXECUTION COMPLETE", "Session: dist-1");
        Path log = home.resolve(".sigil/logs/sessions/dist-1/execution.jsonl");
        assertThat(log).exists();

        ProcessResult m = run(work, env, sigil, "monitor", "--mode", "stream", "--session", "dist-1", "--no-follow");
        assertThat(m.getExitValue()).as(m.outputUTF8()).isZero();
        List<String> lines = m.outputUTF8().lines().toList();
        assertThat(lines).contains("       SIGIL v2 EXECUTION MONITOR", "           EXECUTION COMPLETE");
        assertThat(lines).anyMatch(l -> l.matches("\\[[0-9:]{8}] orchestrator: Pipeline completed successfully \\(0 tokens\\)"));

        ProcessResult check = run(work, env, sigil, "validate", log.toString());
        assertThat(check.getExitValue()).as(check.outputUTF8()).isZero();
        assertThat(Files.readAllLines(log, StandardCharsets.US_ASCII).size()).isGreaterThan(10);
        assertThat(unpacked.resolve("share/bash-completion/completions/sigil")).isNotEmptyFile();
        assertNothingWrittenBeside(unpacked);
    }

    /** The distribution stays as unpacked: caches go to the user's cache directory. */
    private static void assertNothingWrittenBeside(Path unpacked) throws IOException {
        try (Stream<Path> all = Files.walk(unpacked)) {
            assertThat(all.map(unpacked::relativize).map(Path::toString)).noneMatch(p -> p.endsWith(".jsa") || p.endsWith(".aot")
                    || p.startsWith("target"));
        }
    }
}
