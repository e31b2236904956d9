package dev.sigil.contract.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

import tools.jackson.databind.JsonNode;

/**
 * The formats that ship with sigil ({@code contract/formats/*.yaml} in the jar), in the order a line is tried
 * against them: the most particular first, seed 002's operation log (a line with a level or an operation) last.
 * Read on first use: a log of sigil's own never needs them (docs/formats.md §9).
 */
final class BuiltinFormats {

    /** The names, in the order lines are tried. */
    static final List<String> NAMES = List.of("sigil", "claude-code", "openai-chat", "openai-responses", "otel-logs", "otel-spans", "pino",
            "bunyan", "structlog", "operation-log");

    /**
     * Of each built-in format but the two native ones, top-level members a line of it always has (their match says
     * so; {@code BuiltinFormatsTest} derives them from the definitions): a line without one of each is none of
     * theirs, and is known to be only an operation log without reading them (docs/formats.md §9).
     */
    static final Map<String, List<String>> REQUIRED = Map.of("claude-code", List.of("type"), "openai-chat", List.of("object"),
            "openai-responses", List.of("object"), "otel-logs", List.of("resourceLogs"), "otel-spans", List.of("resourceSpans"),
            "pino", List.of("level", "time"), "bunyan", List.of("level", "msg", "name", "time", "v"), "structlog", List.of("event", "level"));

    private BuiltinFormats() {
    }

    /** Whether {@code line}, an operation-log line, can be of no built-in format but {@code operation-log}. */
    static boolean onlyOperationLog(JsonNode line) {
        for (String name : REQUIRED.keySet()) {
            if (mayBe(name, line)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code line} has every top-level member the built-in format {@code name} needs ({@link #REQUIRED}; true
     * for a format that needs none): a line without them is not of that format, whose definition is then not read.
     */
    static boolean mayBe(String name, JsonNode line) {
        List<String> members = REQUIRED.get(name);
        if (members == null) {
            return true;
        }
        for (int i = 0; i < members.size(); i++) {
            if (!line.has(members.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The built-in {@code operation-log} format, read alone (an operation log never needs the others). */
    static FormatDefinition operationLog() {
        return OperationLog.DEFINITION;
    }

    private static final class OperationLog {
        static final FormatDefinition DEFINITION = loadOne("operation-log");
    }

    /** Where the definition of the built-in format {@code name} is in the jar, as written. */
    static String resource(String name) {
        return "contract/formats/" + name + ".yaml";
    }

    /** The same definition as JSON, made by the build (src/codegen/FormatsToJson.java): read without a YAML parser. */
    static String jsonResource(String name) {
        return "contract/formats/" + name + ".json";
    }

    /** The built-in definitions, read once (a class holder). */
    static List<FormatDefinition> all() {
        return Holder.ALL;
    }

    /**
     * The {@code i}-th built-in definition in {@link #NAMES}' order, read on first need and the same instance
     * {@link #all()} holds: a file's sniff reads only the definitions its lines may be of (ADR 0235).
     */
    static FormatDefinition get(int i) {
        FormatDefinition d = Loaded.ONE_BY_ONE.get(i);
        if (d == null) {
            String name = NAMES.get(i);
            FormatDefinition read = name.equals("operation-log") ? operationLog() : loadOne(name);
            d = Loaded.ONE_BY_ONE.compareAndExchange(i, null, read);
            d = d == null ? read : d;
        }
        return d;
    }

    private static final class Holder {
        static final List<FormatDefinition> ALL = load();
    }

    /** Each definition once read (a memo of immutable values, as a class holder is; the first read wins a race). */
    private static final class Loaded {
        static final AtomicReferenceArray<FormatDefinition> ONE_BY_ONE = new AtomicReferenceArray<>(NAMES.size());
    }

    private static List<FormatDefinition> load() {
        List<FormatDefinition> out = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            out.add(get(i));
        }
        return List.copyOf(out);
    }

    private static FormatDefinition loadOne(String name) {
        String resource = jsonResource(name);
        byte[] bytes;
        try (InputStream in = BuiltinFormats.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks its format " + resource + "; rebuild sigil");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DefinitionReader.Result r = DefinitionReader.builtIn(name, bytes);
        if (r.definition() == null) {
            throw new IllegalStateException("the built-in format " + name + " is broken: " + r.errors());
        }
        FormatDefinition d = r.definition();
        return d.dialect() == dev.sigil.contract.event.Dialect.MAPPED ? d : d.withNativeDecoder();
    }
}
