package dev.sigil.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.sigil.cli.Environment;
import dev.sigil.cli.SigilCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

/**
 * {@code sigil tail --format line} and {@code scripts/file_monitor.sh} (real tail, real jq) print the same bytes for
 * the same generated logs: both dialects, odd values, broken lines.
 */
@Tag("compat")
class FileMonitorCompatTest {

    private static final int MAX_LINE = 5000;
    private static final Path SCRIPT = Oracles.ROOT.resolve("scripts/file_monitor.sh");

    @TempDir
    Path dir;

    private static byte[] generate(long seed, int lines) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines; i++) {
            out.writeBytes(GeneratedLines.odd(random, random.nextInt(100), MAX_LINE));
        }
        return out.toByteArray();
    }

    private byte[] sigil(String... args) {
        return sigil(MAX_LINE, false, args);
    }

    /** {@code sigil tail} in this process, its stdout a terminal or not. */
    private byte[] sigil(int maxLine, boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Environment env = new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), out, terminal, false);
        List<String> all = new ArrayList<>(List.of("tail", "--max-line-bytes", Integer.toString(maxLine)));
        all.addAll(List.of(args));
        SigilCommand.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).execute(all.toArray(String[]::new));
        return out.toByteArray();
    }

    private static byte[] script(String... args) throws Exception {
        return script(MAX_LINE, false, args);
    }

    /** The script, its stdout a pipe, told that it is a terminal (as the launcher tells sigil) or not. */
    private static byte[] script(int maxLine, boolean terminal, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessResult result = new ProcessExecutor().command(command).environment("SIGIL_MAX_LINE_BYTES", Integer.toString(maxLine))
                .environment("SIGIL_STDOUT_TTY", terminal ? "1" : "")
                .readOutput(true).redirectError(System.err).timeout(120, TimeUnit.SECONDS).execute();
        assertThat(result.getExitValue()).as("file_monitor.sh exit status").isZero();
        return result.output();
    }

    @Test
    void sameBytesOnGeneratedLogs() throws Exception {
        Oracles.require("jq", "apt-get install jq");
        long seed = Long.getLong("sigil.seed", 1L);
        for (long s = seed; s < seed + 4; s++) {
            Path sessions = Files.createDirectories(dir.resolve("run-" + s));
            Path log = sessions.resolve("sess_" + s + ".jsonl");
            Files.write(log, generate(s, 1500));
            byte[] fromScript = script("--no-follow", sessions.toString(), "sess_" + s);
            byte[] fromSigil = sigil(log.toString());
            assertSameLines(fromSigil, fromScript, "seed " + s + " (-Dsigil.seed=" + s + "), log " + log);
            assertThat(new String(fromSigil, StandardCharsets.UTF_8).lines().count()).as("most lines are shown").isGreaterThan(900);
        }
    }

    @Test
    void theAlertEntriesOfTheLogActionReadAlike() throws Exception {
        Oracles.require("jq", "apt-get install jq");
        Path session = Files.createDirectories(dir.resolve("logs/sessions/al-1"));
        Path log = session.resolve("execution.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            lines.append("{\"timestamp\":\"2026-03-02T10:").append(String.format("%02d", i)).append(":00\",\"session_id\":\"al-1\",")
                    .append("\"event_type\":\"").append(i % 7 == 6 ? "step_error" : "step_complete").append("\",\"component\":\"reasoning\",")
                    .append("\"message\":\"step ").append(i).append("\",\"tokens\":").append(300 + i).append(",\"metadata\":{\"output\":\"")
                    .append("y".repeat(4096 * (1 + i % 4))).append("\"}}\n");
        }
        Files.writeString(log, lines);
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "rules:\n"
                + "  - {name: errors, metric: error_count, window: 10m, op: '>=', threshold: 1, cooldown: 5m, severity: critical, actions: [log]}\n"
                + "  - {name: tokens, metric: tokens, op: '>=', threshold: 5000, actions: [log]}\n");
        ByteArrayOutputStream watchOut = new ByteArrayOutputStream();
        StringWriter watchErr = new StringWriter();
        Environment env = new Environment(Map.of("HOME", dir.toString()), new ByteArrayInputStream(new byte[0]), watchOut, false, false);
        int code = SigilCommand.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(watchErr))
                .execute("alerts", "watch", "--no-follow", "--rules", rules.toString(), session.toString());
        assertThat(code).as(watchErr.toString()).isZero();
        List<String> written = Files.readAllLines(log).stream().filter(l -> l.contains("\"event_type\":\"alert\"")).toList();
        assertThat(written).as("alert entries appended to the log").hasSizeGreaterThanOrEqualTo(3);
        byte[] fromScript = script("--no-follow", session.getParent().toString(), "al-1");
        byte[] fromSigil = sigil(log.toString());
        assertSameLines(fromSigil, fromScript, "a log with alert entries");
        String shown = new String(fromSigil, StandardCharsets.UTF_8);
        assertThat(shown).contains("[CRITICAL] orchestrator/alert: CRITICAL errors: error_count 1 >= 1 over 10m",
                "[WARNING] orchestrator/alert: WARNING tokens: tokens ");
        ProcessResult valid = new ProcessExecutor().command("jq", "-R", "-c", "-f", dev.sigil.compat.CompatTools.jqValidator().toString(), log.toString())
                .readOutput(true).timeout(60, TimeUnit.SECONDS).execute();
        assertThat(valid.outputUTF8().lines()).as("the jq validator takes every line").allMatch(l -> l.equals("{\"valid\":true}"));
    }

    @Test
    void sameBytesForEverySessionOfADirectoryWithTheirHeaders() throws Exception {
        Oracles.require("jq", "apt-get install jq");
        Path sessions = Files.createDirectories(dir.resolve("sessions"));
        Path a = Files.createDirectories(sessions.resolve("a")).resolve("execution.jsonl");
        Path b = sessions.resolve("b.jsonl");
        Files.write(a, generate(11, 200));
        Files.write(b, generate(12, 200));
        byte[] fromScript = script("--no-follow", sessions.toString());
        byte[] fromSigil = sigil(a.toString(), b.toString());
        assertSameLines(fromSigil, fromScript, "two sessions");
        assertThat(new String(fromSigil, StandardCharsets.UTF_8)).startsWith("--- ==> " + a + " <== ---\n").contains("--- ==> " + b + " <== ---\n");
    }

    @Test
    void followingWithTailFPrintsWhatSigilPrints() throws Exception {
        Oracles.require("jq", "apt-get install jq");
        Path sessions = Files.createDirectories(dir.resolve("live"));
        Path log = Files.createDirectories(sessions.resolve("s1")).resolve("execution.jsonl");
        byte[] content = generate(21, 300);
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), sessions.toString(), "s1").redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("SIGIL_MAX_LINE_BYTES", Integer.toString(MAX_LINE));
        Process p = builder.start();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(p.getInputStream(), received));
        reader.start();
        try {
            Random random = new Random(21);
            int at = 0;
            while (at < content.length) {
                int n = Math.min(content.length - at, 1 + random.nextInt(700));
                Files.write(log, java.util.Arrays.copyOfRange(content, at, at + n), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                at += n;
            }
            byte[] expected = sigil(log.toString());
            long newlines = count(expected);
            for (int i = 0; i < 60_000 && count(received) < newlines; i++) {
                Thread.sleep(1);
            }
            assertSameLines(expected, snapshot(received), "file_monitor.sh following " + log);
        } finally {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Following several files, both print a file's header before the first entry that comes from another file than the
     * last one shown: never before lines that are skipped (tail's headers came before any bytes of another file).
     */
    @Test
    void followingSeveralFilesPrintsTheHeadersWhereSigilDoes() throws Exception {
        Oracles.require("jq", "apt-get install jq");
        Path sessions = Files.createDirectories(dir.resolve("several"));
        Path a = Files.createDirectories(sessions.resolve("a")).resolve("execution.jsonl");
        Path b = sessions.resolve("b.jsonl");
        Files.writeString(a, "");
        Files.writeString(b, "");
        ByteArrayOutputStream fromSigil = new ByteArrayOutputStream();
        Environment env = new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), fromSigil, false, false);
        Thread sigil = new Thread(() -> SigilCommand.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .execute("tail", "--follow", a.toString(), b.toString()), "sigil tail --follow");
        sigil.start();
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), sessions.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream fromScript = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(p.getInputStream(), fromScript));
        reader.start();
        try {
            appendAndAwait(a, "{\"message\":\"a1\"}\n", "a1", fromSigil, fromScript);
            Files.writeString(b, "not json\n", StandardOpenOption.APPEND);
            appendAndAwait(a, "{\"message\":\"a2\"}\n", "a2", fromSigil, fromScript);
            appendAndAwait(b, "{\"message\":\"b1\"}\n", "b1", fromSigil, fromScript);
            assertThat(fromSigil.toString(StandardCharsets.UTF_8)).as("sigil's headers")
                    .isEqualTo("--- ==> " + a + " <== ---\nnull [INFO] null/null: a1\nnull [INFO] null/null: a2\n--- ==> " + b
                            + " <== ---\nnull [INFO] null/null: b1\n");
            assertSameLines(fromSigil.toByteArray(), snapshot(fromScript), "following two files");
        } finally {
            sigil.interrupt();
            sigil.join(10_000);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Appends to a file, then waits (a minute at most: a guard against a hang) until both outputs show the message. */
    private static void appendAndAwait(Path file, String line, String message, ByteArrayOutputStream... outputs) throws Exception {
        Files.writeString(file, line, StandardOpenOption.APPEND);
        for (ByteArrayOutputStream out : outputs) {
            for (int i = 0; i < 600 && !new String(snapshot(out), StandardCharsets.UTF_8).contains(": " + message + "\n"); i++) {
                Thread.sleep(100);
            }
        }
    }

    @Test
    void numbersAndBrokenBytesComeOutAsJqPrintsThem() throws Exception {
        Oracles.require("jq", "apt-get install jq");
        Random random = new Random(31);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (int i = 0; i < 4000; i++) {
            content.writeBytes(("{\"message\":" + GeneratedLines.number(random) + "}\n").getBytes(StandardCharsets.US_ASCII));
            content.writeBytes(("{\"message\":" + (random.nextLong() >>> random.nextInt(64)) + "}\n").getBytes(StandardCharsets.US_ASCII));
            byte[] noise = new byte[1 + random.nextInt(6)];
            random.nextBytes(noise);
            for (int k = 0; k < noise.length; k++) {
                if (noise[k] >= 0 && noise[k] < 0x20 || noise[k] == '"' || noise[k] == '\\') {
                    noise[k] = (byte) ('a' + k);
                }
            }
            content.writeBytes("{\"message\":\"<".getBytes(StandardCharsets.US_ASCII));
            content.writeBytes(noise);
            content.writeBytes((random.nextBoolean() ? ">\"}\n" : "\"}\n").getBytes(StandardCharsets.US_ASCII));
        }
        Path sessions = Files.createDirectories(dir.resolve("numbers"));
        Path log = sessions.resolve("n.jsonl");
        Files.write(log, content.toByteArray());
        assertSameLines(sigil(log.toString()), script("--no-follow", sessions.toString(), "n"), "numbers and invalid UTF-8 in " + log);
    }

    /**
     * On a terminal both show the same text, with the one policy of {@code TerminalText}: every code point of the C0
     * and C1 ranges, Latin-1 and General Punctuation (the bidi controls, U+2028 and U+2029 among them), in messages,
     * components and a file name, and the generated logs.
     */
    @Test
    void onATerminalBothShowTheSameText() throws Exception {
        Oracles.require("jq", "apt-get install jq");
        StringBuilder log = new StringBuilder();
        for (int from : new int[] {0, 0x80, 0x100, 0x2000, 0x2040, 0xFFF0}) {
            StringBuilder text = new StringBuilder();
            for (int c = from; c < from + 0x40; c++) {
                text.appendCodePoint(c);
            }
            String json = tools.jackson.databind.node.JsonNodeFactory.instance.textNode(text.toString()).toString();
            log.append("{\"component\":").append(json).append(",\"message\":").append(json).append("}\n");
        }
        log.append("{\"message\":\"\ud83d\ude80 \u202eevil\u202c \u001b]0;T\u0007 \u001bP+q\u001b\\\\ \u009b31m\"}\n");
        Path sessions = Files.createDirectories(dir.resolve("terminal"));
        Path named = Files.createDirectories(sessions.resolve("evil\u001b]0;PWNED\u0007\u202e")).resolve("execution.jsonl");
        Files.writeString(named, log, StandardCharsets.UTF_8);
        Path generated = sessions.resolve("generated.jsonl");
        Files.write(generated, generate(41, 1500));
        byte[] fromSigil = sigil(MAX_LINE, true, named.toString(), generated.toString());
        assertThat(new String(fromSigil, StandardCharsets.UTF_8)).contains("<U+2028>", "<U+202E>", "^[]0;PWNED^G", "^@^A", "<U+009B>")
                .doesNotContain("\u001b", "\u2029", "\u0085");
        assertSameLines(fromSigil, script(MAX_LINE, true, "--no-follow", sessions.toString()), "on a terminal");
    }

    /**
     * Lines the two once read differently, and read alike since, at the default line bound of 1 MiB: each must give
     * the same bytes from both (docs/reliability.md says what each gave before).
     */
    @Test
    void linesThatOnceDifferedAreReadAlike() throws Exception {
        Oracles.require("jq", "apt-get install jq");
        int bound = 1 << 20;
        String output = "R\u00e9sum\u00e9 valid\u00e9 \u2014 \u65e5\u672c\u8a9e\u306e\u8981\u7d04 ";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("the integer -0 as a shown value", "{\"message\":-0,\"component\":[-0,{\"a\":-0}],\"operation\":-0.0}");
        cases.put("a line that is exactly a tail header", "==> x <==");
        cases.put("a multi-byte character across byte 4095", "{\"message\":\"" + "a".repeat(4094 - 12) + "\u00e9\u00e9\"}");
        cases.put("an LLM output of 64 KiB with non-ASCII text",
                "{\"message\":\"step\",\"metadata\":{\"output\":\"" + output.repeat(65536 / output.length()) + "\"}}");
        cases.put("a line starting with the byte that marks a wrapped line", "\u0002eyJtZXNzYWdlIjoieCJ9");
        cases.put("a line starting with the byte that marks a header", "\u0001+eA==");
        String invalid = "{\"message\":\"" + "\u00ff".repeat(100) + "a".repeat(bound - 200) + "\"}";
        cases.put("a line just under the bound whose invalid UTF-8 makes it longer once replaced", invalid);
        Path sessions = Files.createDirectories(dir.resolve("alike"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        for (String line : cases.values()) {
            // U+00FF stands for the invalid byte 0xFF; everything else is written as UTF-8
            String utf8 = line.replace("\u00ff", "\u0000");
            byte[] bytes = utf8.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = bytes[i] == 0 ? (byte) 0xFF : bytes[i];
            }
            log.writeBytes(bytes);
            log.write('\n');
        }
        Path file = sessions.resolve("alike.jsonl");
        Files.write(file, log.toByteArray());
        byte[] fromSigil = sigil(bound, false, file.toString());
        assertThat(new String(fromSigil, StandardCharsets.UTF_8).lines().count()).as("the entries shown").isEqualTo(4);
        assertSameLines(fromSigil, script(bound, false, "--no-follow", sessions.toString(), "alike"), "lines that once differed: " + cases.keySet());
    }

    /**
     * The documented differences (docs/cli.md, "Where the two differ"), as named exceptions: each still holds with
     * the jq installed here, and sigil does what the documentation says. If jq ever agrees, this test says so and the
     * list can shrink.
     */
    @Test
    void theDocumentedDifferencesAreStillTheOnlyOnes() throws Exception {
        Oracles.require("jq", "apt-get install jq");
        String deep = "{\"message\":" + "[".repeat(300) + "]".repeat(300) + "}";
        record Difference(String line, String sigil) {
        }
        Map<String, Difference> cases = new java.util.LinkedHashMap<>();
        cases.put("a lone high surrogate escape", new Difference("{\"message\":\"\\ud800\"}", "null [INFO] null/null: \uFFFD\n"));
        cases.put("a raw control character in a string", new Difference("{\"message\":\"a\u001fb\"}", ""));
        cases.put("a number form CPython refuses", new Difference("{\"message\":01}", ""));
        cases.put("nesting deeper than 256 levels", new Difference(deep, "null [INFO] null/null: " + "[".repeat(300) + "]".repeat(300) + "\n"));
        Path sessions = Files.createDirectories(dir.resolve("differences"));
        int i = 0;
        for (Map.Entry<String, Difference> c : cases.entrySet()) {
            Path log = sessions.resolve("d" + i++ + ".jsonl");
            Files.writeString(log, c.getValue().line() + "\n", StandardCharsets.UTF_8);
            byte[] fromSigil = sigil(log.toString());
            byte[] fromScript = script("--no-follow", sessions.toString(), log.getFileName().toString().replace(".jsonl", ""));
            assertThat(new String(fromSigil, StandardCharsets.UTF_8)).as("sigil on %s (%s)", c.getKey(), log).isEqualTo(c.getValue().sigil());
            assertThat(fromScript).as("jq still differs on %s (%s)", c.getKey(), log).isNotEqualTo(fromSigil);
        }
    }

    /**
     * The reader needs nothing beyond perl-base (Essential on Debian, so on every Debian machine): run with a perl
     * that sees only perl-base's modules, the script prints what sigil prints.
     */
    @Test
    void theReaderNeedsOnlyPerlBase() throws Exception {
        Oracles.require("jq", "apt-get install jq");
        String inc = new ProcessExecutor().command("perl", "-e", "print grep { m{/perl-base$} } @INC").readOutput(true).execute().outputUTF8();
        assertThat(inc).as("Debian's perl-base directory in perl's @INC (this test checks the script against a bare Debian)").isNotEmpty();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path perl = bin.resolve("perl");
        Files.writeString(perl, "#!/bin/sh\nexec /usr/bin/perl -e 'BEGIN { @INC = grep { m{/perl-base$} } @INC }' \"$@\"\n");
        assertThat(perl.toFile().setExecutable(true)).isTrue();
        Path sessions = Files.createDirectories(dir.resolve("bare"));
        Path a = Files.createDirectories(sessions.resolve("a")).resolve("execution.jsonl");
        Files.write(a, generate(51, 300));
        Files.write(sessions.resolve("b.jsonl"), generate(52, 300));
        ProcessResult bare = new ProcessExecutor().command("bash", SCRIPT.toString(), "--no-follow", sessions.toString())
                .environment("PATH", bin + ":" + System.getenv("PATH")).environment("SIGIL_MAX_LINE_BYTES", Integer.toString(MAX_LINE))
                .readOutput(true).redirectError(System.err).timeout(120, TimeUnit.SECONDS).execute();
        assertThat(bare.getExitValue()).as("file_monitor.sh with perl-base only").isZero();
        assertSameLines(sigil(a.toString(), sessions.resolve("b.jsonl").toString()), bare.output(), "perl-base only");
    }

    /** Byte equality, reported as the first differing output line. */
    private static void assertSameLines(byte[] sigil, byte[] script, String context) {
        if (java.util.Arrays.equals(sigil, script)) {
            return;
        }
        String[] a = new String(sigil, StandardCharsets.UTF_8).split("\n", -1);
        String[] b = new String(script, StandardCharsets.UTF_8).split("\n", -1);
        int i = 0;
        while (i < Math.min(a.length, b.length) && a[i].equals(b[i])) {
            i++;
        }
        assertThat(i < a.length ? a[i] : "<end>").as(context + ": output line " + (i + 1) + " (sigil, then file_monitor.sh)")
                .isEqualTo(i < b.length ? b[i] : "<end>");
        assertThat(sigil).as(context).isEqualTo(script);
    }

    private static synchronized void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process was stopped
        }
    }

    private static byte[] snapshot(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toByteArray();
        }
    }

    private static long count(ByteArrayOutputStream out) {
        return count(snapshot(out));
    }

    private static long count(byte[] bytes) {
        long n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }
}
