package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import dev.sigil.tokens.TokenCounter;
import dev.sigil.tokens.TokenEncoding;

/** {@code sigil tokens} and {@code sigil config} as a user runs them: the launcher, a real process, a real environment. */
class TokensAndConfigIT {

    private static final Path HOME = Path.of(System.getProperty("sigil.home", "."));

    @TempDir
    Path userHome;

    private ProcessResult sigil(Map<String, String> env, String stdin, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = HOME.resolve("scripts/sigil").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return new ProcessExecutor().command(command)
                .environment("SIGIL_NO_BUILD", "1").environment("HOME", userHome.toString()).environment(env)
                .redirectInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
                .readOutput(true).timeout(1, TimeUnit.MINUTES).execute();
    }

    @Test
    void tokensCountsStandardInput() throws Exception {
        String text = "Ünïcödé and emoji 🎉 count as tiktoken counts them.\n";
        ProcessResult r = sigil(Map.of(), text, "tokens", "--encoding", "o200k_base");
        assertThat(r.getExitValue()).as(r.outputUTF8()).isZero();
        assertThat(r.outputUTF8()).isEqualTo(TokenCounter.of(TokenEncoding.O200K_BASE).count(text) + "\n");
    }

    @Test
    void configReadsTheHomeDirectoryAndTheEnvironmentOfTheProcess() throws Exception {
        Path file = Files.createDirectories(userHome.resolve(".sigil")).resolve("config.yaml");
        Files.writeString(file, "token_budget:\n  default_total: 100000\n");
        ProcessResult r = sigil(Map.of("SIGIL_BUFFER_SIZE", "25"), "", "config");
        assertThat(r.getExitValue()).as(r.outputUTF8()).isZero();
        assertThat(r.outputUTF8()).containsPattern("token_budget\\.default_total +100000 +file " + java.util.regex.Pattern.quote(file + ":2"))
                .containsPattern("logging\\.max_batch_size +25 +env SIGIL_BUFFER_SIZE");
    }
}
