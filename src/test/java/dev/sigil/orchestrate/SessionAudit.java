package dev.sigil.orchestrate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.validate.FileSummary;
import dev.sigil.validate.LogValidator;
import dev.sigil.validate.Problem;
import tools.jackson.databind.JsonNode;

/**
 * What the orchestrator left in a session directory, read back and checked the way the issue asks: every line valid
 * against the contract, tokens counted once (the sum over the log equals tokens.json and every run's restated total),
 * and the events in a legal order ({@link EventOrder}). Shared by the in-process tests, the properties and the ITs.
 */
public final class SessionAudit {

    private final Path directory;
    private final List<String> lines;
    private final List<JsonNode> entries;
    private final List<Problem> problems;

    private SessionAudit(Path directory, List<String> lines, List<JsonNode> entries, List<Problem> problems) {
        this.directory = directory;
        this.lines = lines;
        this.entries = entries;
        this.problems = problems;
    }

    /** Reads {@code sessions/<id>/execution.jsonl}, checking every line with sigil's validator. */
    public static SessionAudit of(Path sessionDirectory) throws IOException {
        Path log = sessionDirectory.resolve("execution.jsonl");
        byte[] bytes = Files.readAllBytes(log);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError(log + " ends with a partial line");
        }
        List<Problem> problems = new ArrayList<>();
        FileSummary summary = new LogValidator(SchemaValidator.executionEntry(), LogValidator.DEFAULT_MAX_LINE_BYTES)
                .validate(log.toString(), new ByteArrayInputStream(bytes), problems::add, LogValidator.Progress.NONE);
        List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\n"));
        if (summary.lines() != lines.size()) {
            throw new AssertionError("validator saw " + summary.lines() + " lines, the file has " + lines.size());
        }
        PythonJsonReader reader = new PythonJsonReader();
        List<JsonNode> entries = new ArrayList<>();
        for (String line : lines) {
            entries.add(reader.read(line));
        }
        return new SessionAudit(sessionDirectory, lines, entries, problems);
    }

    public Path directory() {
        return directory;
    }

    public List<String> lines() {
        return lines;
    }

    public List<JsonNode> entries() {
        return entries;
    }

    /** Contract violations, one per bad line (none expected). */
    public List<Problem> problems() {
        return problems;
    }

    public List<String> eventTypes() {
        return entries.stream().map(e -> e.get("event_type").stringValue()).toList();
    }

    public List<JsonNode> events(String type) {
        return entries.stream().filter(e -> e.get("event_type").stringValue().equals(type)).toList();
    }

    /** Step ids of the entries of {@code type}, in log order. */
    public List<String> steps(String type) {
        return events(type).stream().map(e -> e.path("metadata").path("step").asString("")).toList();
    }

    public JsonNode last() {
        return entries.get(entries.size() - 1);
    }

    /** The sum of {@code tokens} over every line: the session's total (docs/contract.md §4). */
    public long logTokens() {
        return entries.stream().mapToLong(e -> e.get("tokens").longValue()).sum();
    }

    public Map<String, Long> logTokensByComponent() {
        Map<String, Long> by = new LinkedHashMap<>();
        entries.forEach(e -> by.merge(e.get("component").stringValue(), e.get("tokens").longValue(), Long::sum));
        return by;
    }

    public JsonNode tokensJson() throws IOException {
        return json("tokens.json");
    }

    public JsonNode metricsJson() throws IOException {
        return json("metrics.json");
    }

    private JsonNode json(String name) throws IOException {
        return new PythonJsonReader().read(Files.readString(directory.resolve(name)));
    }

    /**
     * Everything that must hold for any session the orchestrator wrote; an empty list when it all holds. Kept as a
     * list of findings so that a property can print them with its seed.
     */
    public List<String> findings() throws IOException {
        List<String> out = new ArrayList<>();
        problems.forEach(p -> out.add("invalid line: " + p.toText()));
        out.addAll(EventOrder.check(entries));
        JsonNode tokens = tokensJson();
        long total = logTokens();
        if (tokens.get("total_used").longValue() != total) {
            out.add("tokens.json total_used " + tokens.get("total_used") + " != sum of tokens over the log " + total);
        }
        Map<String, Long> byComponent = logTokensByComponent();
        tokens.get("components").properties().forEach(c -> {
            long inLog = byComponent.getOrDefault(c.getKey(), 0L);
            if (c.getValue().get("used").longValue() != inLog) {
                out.add("tokens.json " + c.getKey() + ".used " + c.getValue().get("used") + " != its tokens in the log " + inLog);
            }
        });
        byComponent.forEach((c, t) -> {
            if (t != 0 && !tokens.get("components").has(c)) {
                out.add(c + " has " + t + " tokens in the log and none in tokens.json");
            }
        });
        if (!Files.exists(directory.resolve("metrics.json"))) {
            out.add("no metrics.json");
        } else {
            out.addAll(UsageAudit.findings(entries, tokens, metricsJson()));
        }
        return out;
    }

    /** Modes of the session directory and the files in it: 0700 and 0600. */
    public List<String> permissionFindings() throws IOException {
        List<String> out = new ArrayList<>();
        String dirMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(directory));
        if (!dirMode.equals("rwx------")) {
            out.add(directory + " has mode " + dirMode);
        }
        try (var files = Files.list(directory)) {
            for (Path f : files.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
                if (!mode.equals("rw-------")) {
                    out.add(f + " has mode " + mode);
                }
            }
        }
        return out;
    }
}
