package dev.sigil.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.Metadata;
import dev.sigil.log.maintenance.LogMaintenance;
import dev.sigil.log.summary.ComponentMetrics;
import dev.sigil.log.summary.ComponentTokens;
import dev.sigil.log.summary.SessionMetrics;
import dev.sigil.log.summary.TokenSummary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Java logger and a Python logger written from the documentation (compat-tests/python/reference_logger.py)
 * log the same entries at the same instants: execution.jsonl, tokens.json and metrics.json must be identical byte
 * for byte, and errors.jsonl must hold the same records (the same refused entries with the same pointers and rules;
 * only the validators' wording differs). CPython also reads back the archives the maintenance writes.
 */
@Tag("compat")
class ReferenceLoggerCompatTest {

    private static final long SEED = Long.getLong("sigil.compat.seed", 20_260_111L);
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final PythonJsonWriter LITERALS = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);

    @TempDir
    Path tmp;

    @Test
    void javaAndTheReferenceLoggerWriteTheSameBytes() throws Exception {
        requirePython();
        List<String> corpus = corpusStrings();
        CompatScript script = new CompatScript(new Random(SEED), corpus);
        List<ObjectNode> ops = new ArrayList<>(script.logOps(400));
        TokenSummary tokens = new TokenSummary("compat", "2026-01-11T10:15:38.789012", 256000, 650, 255350, 0.25,
                Map.of(Component.ROUTING, new ComponentTokens(10000, 50, 0.5)));
        SessionMetrics metrics = new SessionMetrics("compat", "2026-01-11T10:15:38", 5.1, 5, 0,
                Map.of(Component.REASONING, new ComponentMetrics(2100, 1, 0)), Optional.of(Component.REASONING), Optional.empty(), 910);
        ObjectNode summaries = JsonNodeFactory.instance.objectNode().put("op", "summaries");
        summaries.set("tokens", tokens.toJsonNode());
        summaries.set("metrics", metrics.toJsonNode());
        ops.add(summaries);
        ops.add(JsonNodeFactory.instance.objectNode().put("op", "close").put("at_micros", script.nextMicros()));
        Path scriptFile = tmp.resolve("script.jsonl");
        StringBuilder text = new StringBuilder();
        ops.forEach(op -> text.append(LITERALS.encodeToString(op)).append('\n'));
        Files.writeString(scriptFile, text, StandardCharsets.US_ASCII);

        Path java = runJava(ops, tokens, metrics);
        Path python = runPython(scriptFile);

        String context = "seed " + SEED + " (rerun with -Dsigil.compat.seed=" + SEED + "), script " + scriptFile;
        for (String name : List.of("execution.jsonl", "tokens.json", "metrics.json")) {
            assertThat(Files.readString(java.resolve(name))).as(name + ", " + context).isEqualTo(Files.readString(python.resolve(name)));
        }
        assertThat(LogFiles.lines(java.resolve("execution.jsonl"))).as("some entries must be written").hasSizeGreaterThan(200);
        assertSameErrorRecords(java.resolve("errors.jsonl"), python.resolve("errors.jsonl"), context);
    }

    private Path runJava(List<ObjectNode> ops, TokenSummary tokens, SessionMetrics metrics) throws IOException {
        TestClock clock = TestClock.seedDay();
        LoggerSettings settings = LoggerSettings.builder().logPath(tmp.resolve("java")).build();
        try (ExecutionLogger logger = ExecutionLogger.builder(settings).clock(clock).shutdownHook(false).reporter(m -> { }).open("compat")) {
            for (ObjectNode op : ops) {
                if (op.get("op").stringValue().equals("log")) {
                    clock.set(op.get("at_micros").longValue());
                    logger.log(EventType.fromWire(op.get("event_type").stringValue()).orElseThrow(),
                            Component.fromWire(op.get("component").stringValue()).orElseThrow(), op.get("message").stringValue(),
                            op.get("tokens").longValue(), Metadata.fromJsonNode(op.get("metadata")));
                } else if (op.get("op").stringValue().equals("close")) {
                    logger.summaries(tokens, metrics);
                    clock.set(op.get("at_micros").longValue());
                }
            }
            return logger.sessionDirectory();
        }
    }

    private Path runPython(Path script) throws Exception {
        Path logs = tmp.resolve("python");
        ProcessResult r = new ProcessExecutor("python3", ROOT.resolve("compat-tests/python/reference_logger.py").toString(),
                "--log-path", logs.toString(), "--session", "compat", "--schema", ROOT.resolve("contract/execution-entry.schema.json").toString(),
                script.toString()).readOutput(true).redirectErrorStream(true).timeout(120, TimeUnit.SECONDS).execute();
        assertThat(r.getExitValue()).as(r.outputUTF8()).isZero();
        return logs.resolve("sessions/compat");
    }

    /** Record by record: same kind; events and refused entries byte-identical; the same (pointer, rule) pairs. */
    private static void assertSameErrorRecords(Path javaFile, Path pythonFile, String context) throws IOException {
        List<JsonNode> javaRecords = LogFiles.records(javaFile);
        List<JsonNode> pythonRecords = LogFiles.records(pythonFile);
        assertThat(javaRecords).as(context).hasSameSizeAs(pythonRecords);
        assertThat(javaRecords.stream().filter(r -> r.get("kind").stringValue().equals("rejected")).count()).isGreaterThan(10);
        for (int i = 0; i < javaRecords.size(); i++) {
            JsonNode j = javaRecords.get(i);
            JsonNode p = pythonRecords.get(i);
            String where = "errors.jsonl line " + (i + 1) + ", " + context;
            assertThat(j.get("kind").stringValue()).as(where).isEqualTo(p.get("kind").stringValue());
            assertThat(LITERALS.encodeToString(j.get("entry"))).as(where).isEqualTo(LITERALS.encodeToString(p.get("entry")));
            if (j.get("kind").stringValue().equals("rejected")) {
                assertThat(rules(j)).as(where + ": " + j.get("reason").stringValue() + " vs " + p.get("reason").stringValue()).isEqualTo(rules(p));
            }
        }
    }

    private static List<String> rules(JsonNode record) {
        List<String> out = new ArrayList<>();
        record.get("violations").forEach(v -> out.add(v.get("pointer").stringValue() + " " + v.get("rule").stringValue()));
        out.sort(null);
        return out;
    }

    @Test
    void cpythonReadsBackTheArchivesTheMaintenanceWrites() throws Exception {
        requirePython();
        Path logs = tmp.resolve("logs");
        try (ExecutionLogger logger = ExecutionLogger.builder(LoggerSettings.builder().logPath(logs).build()).shutdownHook(false).open("arch")) {
            logger.log(EventType.STEP_ERROR, Component.MEMORY, "caf\u00e9 failed", 3, Metadata.builder().error("x").build());
        }
        Path session = logs.resolve("sessions/arch");
        Map<String, String> expected = new TreeMap<>();
        try (var files = Files.list(session)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals(".lock")).toList()) {
                expected.put("arch/" + f.getFileName(), Files.readString(f));
                Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
            }
        }
        Clock clock = Clock.fixed(Instant.parse("2026-02-10T12:00:00Z"), ZoneOffset.UTC);
        new LogMaintenance(LoggerSettings.builder().logPath(logs).build(), clock).run(EnumSet.of(LogMaintenance.Task.ARCHIVE), false);
        Path archive = logs.resolve("archive/2026-02-10/arch.tar.gz");
        ProcessResult r = new ProcessExecutor("python3", "-c", "import json, sys, tarfile\n"
                + "with tarfile.open(sys.argv[1], 'r:gz') as t:\n"
                + "    print(json.dumps({m.name: t.extractfile(m).read().decode('utf-8') for m in t.getmembers() if m.isfile()}))\n",
                archive.toString()).readOutput(true).redirectErrorStream(true).timeout(60, TimeUnit.SECONDS).execute();
        assertThat(r.getExitValue()).as(r.outputUTF8()).isZero();
        JsonNode listed = new PythonJsonReader().read(r.outputUTF8().strip());
        Map<String, String> found = new TreeMap<>();
        listed.properties().forEach(e -> found.put(e.getKey(), e.getValue().stringValue()));
        assertThat(found).isEqualTo(expected);
    }

    private static List<String> corpusStrings() throws IOException {
        JsonNode corpus;
        try (var in = ReferenceLoggerCompatTest.class.getResourceAsStream("/dev/sigil/log/sanitize/corpus.json")) {
            corpus = new PythonJsonReader().read(in.readAllBytes());
        }
        List<String> out = new ArrayList<>();
        corpus.get("secrets").forEach(c -> out.add(c.get("text").stringValue()));
        corpus.get("lookalikes").forEach(c -> out.add(c.stringValue()));
        return out;
    }

    static void requirePython() throws Exception {
        ProcessResult r;
        try {
            r = new ProcessExecutor("python3", "-c", "import jsonschema").readOutput(true).redirectErrorStream(true)
                    .timeout(60, TimeUnit.SECONDS).execute();
        } catch (IOException e) {
            fail("the compat tests need python3 (apt-get install python3): " + e.getMessage());
            return;
        }
        if (r.getExitValue() != 0) {
            fail("the compat tests need the jsonschema package for python3 (pip install jsonschema, or .ci/run): " + r.outputUTF8());
        }
    }
}
