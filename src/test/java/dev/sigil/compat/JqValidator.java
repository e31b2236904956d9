package dev.sigil.compat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jq side of the conformance suite: runs {@code compat-tests/jq/validate-entry.jq} on a batch of lines in one jq
 * process and returns one verdict per line. The lines must not contain a newline byte.
 */
public final class JqValidator {

    /** What jq decided about one line. */
    public record Verdict(boolean valid, String rule, String detail) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String version;

    private JqValidator(String version) {
        this.version = version;
    }

    /** Checks that jq is installed (failing with what to install) and records its version. */
    public static JqValidator start() {
        return new JqValidator(CompatTools.jqVersion());
    }

    public String version() {
        return version;
    }

    public List<Verdict> validate(List<byte[]> lines) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            for (byte b : line) {
                if (b == '\n') {
                    throw new IllegalArgumentException("a line for jq holds a newline byte");
                }
            }
            input.writeBytes(line);
            input.write('\n');
        }
        String output = run(input.toByteArray());
        List<Verdict> verdicts = new ArrayList<>(lines.size());
        for (String line : output.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode v = JSON.readTree(line);
            verdicts.add(new Verdict(v.path("valid").asBoolean(), v.path("rule").asString(""), v.path("errors").toString()));
        }
        if (verdicts.size() != lines.size()) {
            throw new AssertionError("jq gave " + verdicts.size() + " verdicts for " + lines.size() + " lines:\n" + output);
        }
        return verdicts;
    }

    private static String run(byte[] input) {
        try {
            ProcessResult result = new ProcessExecutor()
                    .command("jq", "-R", "-c", "-f", CompatTools.existing(CompatTools.jqValidator()).toString())
                    .redirectInput(new ByteArrayInputStream(input))
                    .readOutput(true).redirectErrorStream(false).redirectError(System.err)
                    .exitValueAny().timeout(120, TimeUnit.SECONDS).execute();
            if (result.getExitValue() != 0) {
                throw new AssertionError("jq failed with exit code " + result.getExitValue() + ": " + result.outputUTF8());
            }
            return result.outputUTF8();
        } catch (IOException e) {
            throw new AssertionError("cannot run jq: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new AssertionError("jq did not finish in 120 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
