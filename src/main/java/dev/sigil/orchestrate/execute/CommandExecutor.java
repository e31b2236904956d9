package dev.sigil.orchestrate.execute;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;

import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;
import org.zeroturnaround.exec.StartedProcess;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.errors.ErrorCode;
import dev.sigil.contract.event.Usage;
import dev.sigil.orchestrate.pipeline.StepDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a step as an external command (zt-exec): the step's request goes to the command's stdin as one JSON object,
 * its stdout is the output. If stdout is a JSON object with an {@code output} string, that is the output, and a
 * {@code usage} object in it gives the tokens; a command may also report its usage on marked lines of its stdout or
 * in the file named by {@code SIGIL_USAGE_FILE} ({@link UsageReports}, {@link ReportedUsage}); what it does not
 * report is counted from the request and the output text. Exit statuses and timeouts become error categories
 * through {@link FailureClassifier}.
 */
public final class CommandExecutor implements StepExecutor {

    /** Most bytes kept from a command's stdout or stderr. */
    static final int MAX_CAPTURE = 16 * 1024 * 1024;

    /** How long an abandoned command has to end after SIGTERM before it is killed. */
    static final long KILL_GRACE_MILLIS = 1000;

    private final Path baseDirectory;
    private final ToLongFunction<String> tokenCounter;
    private final PythonJsonWriter json = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);
    private final PythonJsonReader reader = new PythonJsonReader();

    public CommandExecutor(Path baseDirectory, ToLongFunction<String> tokenCounter) {
        this.baseDirectory = baseDirectory;
        this.tokenCounter = tokenCounter;
    }

    @Override
    public StepResult execute(StepRequest request, StepProgress progress) throws StepFailure, InterruptedException {
        Path usageFile;
        try {
            usageFile = Files.createTempFile("sigil-usage-", ".jsonl");
        } catch (IOException e) {
            throw new StepFailure(ErrorCode.SYSTEM_002, "cannot make the step's usage file: " + e.getMessage());
        }
        try {
            return execute(request, usageFile);
        } finally {
            try {
                Files.deleteIfExists(usageFile);
            } catch (IOException e) {
                // a temporary file left behind is no reason to fail the step
            }
        }
    }

    private StepResult execute(StepRequest request, Path usageFile) throws StepFailure, InterruptedException {
        StepDefinition step = request.step();
        List<String> command = resolve(step.command());
        String shown = String.join(" ", step.command());
        String prompt = json.encodeToString(requestJson(request));
        BoundedBuffer out = new BoundedBuffer();
        BoundedBuffer err = new BoundedBuffer();
        StartedProcess started;
        try {
            started = new ProcessExecutor()
                    .command(command)
                    .directory(baseDirectory.toFile())
                    .environment(step.environment())
                    .environment("SIGIL_SESSION_ID", request.sessionId())
                    .environment("SIGIL_STEP_ID", step.id())
                    .environment("SIGIL_ATTEMPT", Integer.toString(request.attempt()))
                    .environment(UsageReports.FILE_VARIABLE, usageFile.toString())
                    .redirectInput(new ByteArrayInputStream(prompt.getBytes(StandardCharsets.UTF_8)))
                    .redirectOutput(out)
                    .redirectError(err)
                    .destroyOnExit()
                    .exitValueAny()
                    .start();
        } catch (IOException e) {
            throw FailureClassifier.notStarted(shown, e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
        ProcessResult result;
        try {
            result = started.getFuture().get(step.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            killTree(started);
            throw FailureClassifier.timeout(shown, step.timeout().toMillis());
        } catch (InterruptedException e) {
            killTree(started);
            throw e;
        } catch (ExecutionException e) {
            killTree(started);
            throw FailureClassifier.notStarted(shown, e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
        if (out.truncated) {
            throw FailureClassifier.tooLarge(shown, MAX_CAPTURE);
        }
        UsageReports.Found usage = UsageReports.read(out.text(), usageFile, reader);
        JsonNode answer = answer(usage.output());
        Optional<StepFailure> reported = ProviderError.of(shown, answer);
        if (reported.isPresent() && (result.getExitValue() != 0 || !answer.path("output").isString())) {
            throw reported.get();
        }
        if (result.getExitValue() != 0) {
            throw FailureClassifier.exited(shown, result.getExitValue(), lastLine(err));
        }
        return result(prompt, usage.output(), answer, usage.reports(), usage.warnings());
    }

    /**
     * Ends an abandoned command (timed out, or Ctrl-C) with everything it started: a shell step's children would
     * otherwise run on, unseen, holding its output pipe. SIGTERM to all; once the command itself has ended (or after a
     * grace period) SIGKILL to whatever is left. Only the command is waited for: its descendants are not this JVM's
     * children, and one that became a zombie would look alive until some other process reaped it.
     */
    private static void killTree(StartedProcess started) {
        Process process = started.getProcess();
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        boolean interrupted = false;
        try {
            process.waitFor(KILL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        started.getFuture().cancel(true);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> resolve(List<String> command) {
        List<String> resolved = new ArrayList<>(command);
        String program = command.get(0);
        if (program.contains("/") && !Path.of(program).isAbsolute()) {
            Path candidate = baseDirectory.resolve(program);
            if (Files.exists(candidate)) {
                resolved.set(0, candidate.toString());
            }
        }
        return resolved;
    }

    private ObjectNode requestJson(StepRequest request) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("session_id", request.sessionId());
        o.put("task", request.task());
        ObjectNode step = o.putObject("step");
        step.put("id", request.step().id());
        step.put("component", request.step().component().wireName());
        step.put("operation", request.step().operation());
        step.put("description", request.step().description());
        o.put("attempt", request.attempt());
        ObjectNode inputs = o.putObject("inputs");
        request.inputs().forEach(inputs::put);
        o.put("feedback", request.feedback());
        return o;
    }

    /** stdout as a JSON object if it is one (a structured answer, or a reported error), else a missing node. */
    private JsonNode answer(String stdout) {
        String trimmed = stdout.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode node = reader.read(trimmed);
                if (node.isObject()) {
                    return node;
                }
            } catch (JsonSyntaxException e) {
                // not a structured answer: the whole stdout is the output
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    /**
     * The step's result from its stdout (marked usage lines already taken out), its structured answer (or a missing
     * node) and the usage it reported on those lines or in its usage file ({@code reports}, which win over a
     * {@code usage} member of a structured answer).
     */
    private StepResult result(String prompt, String stdout, JsonNode answer, List<JsonNode> reports, List<String> warnings) {
        JsonNode output = answer.get("output");
        if (output != null && output.isString()) {
            JsonNode member = answer.path("usage");
            List<JsonNode> all = !reports.isEmpty() || !member.isObject() ? reports : List.of(member);
            Map<String, JsonNode> metadata = new LinkedHashMap<>();
            if (answer.path("metadata").isObject()) {
                answer.get("metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue()));
            }
            return counted(prompt, output.stringValue(), ReportedUsage.of(all), warnings, metadata, true);
        }
        return counted(prompt, stdout, ReportedUsage.of(reports), warnings, new LinkedHashMap<>(), false);
    }

    /** The counts the step reported, the rest counted from the request and the output (docs/orchestrate.md). */
    private StepResult counted(String prompt, String output, ReportedUsage usage, List<String> warnings, Map<String, JsonNode> metadata,
                               boolean structured) {
        long in = usage.input();
        long out = usage.output();
        if (in < 0 && out < 0 && usage.total() >= 0) {
            in = 0;
            out = usage.total();
        }
        if (in < 0) {
            in = tokenCounter.applyAsLong(prompt);
        }
        if (out < 0) {
            out = tokenCounter.applyAsLong(output);
        }
        boolean reported = usage != ReportedUsage.NONE;
        if (reported || structured) {
            metadata.put("usage_reported", JsonNodeFactory.instance.booleanNode(reported));
        }
        List<String> all = new ArrayList<>(warnings);
        all.addAll(usage.warnings());
        if (!all.isEmpty()) {
            metadata.put("usage_warning", JsonNodeFactory.instance.stringNode(String.join("; ", all)));
        }
        Usage record = usage.usage().hasModel() && usage.usage().inputTokens() == in && usage.usage().outputTokens() == out
                ? usage.usage() : Usage.NONE;
        return new StepResult(output, in, out, metadata, record);
    }

    private static String lastLine(BoundedBuffer err) {
        String text = err.text().strip();
        int nl = text.lastIndexOf('\n');
        String last = nl < 0 ? text : text.substring(nl + 1);
        return last.length() > 300 ? last.substring(0, 300) + "..." : last;
    }

    /** Keeps at most {@link #MAX_CAPTURE} bytes and notes whether more came. */
    private static final class BoundedBuffer extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean truncated;

        @Override
        public void write(int b) {
            if (bytes.size() < MAX_CAPTURE) {
                bytes.write(b);
            } else {
                truncated = true;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int room = MAX_CAPTURE - bytes.size();
            if (len > room) {
                truncated = true;
            }
            bytes.write(b, off, Math.min(len, Math.max(0, room)));
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
