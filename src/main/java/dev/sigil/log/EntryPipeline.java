package dev.sigil.log;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.sigil.contract.codec.ByteSink;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.model.ExecutionEntry;
import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.contract.validation.Violation;
import dev.sigil.log.sanitize.Sanitizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What happens to an entry between the queue and the file: sanitize, validate against the schema, encode as
 * CPython would. Runs on the writer thread (and on the caller's thread for {@link ExecutionLogger#logChecked}, with
 * an instance of its own). Not thread-safe: it reuses one encode buffer.
 */
final class EntryPipeline {

    /** The outcome for one entry. */
    sealed interface Outcome permits Accepted, Rejected {
    }

    /** @param line the encoded line, newline included; @param errorEvent whether errors.jsonl keeps a copy */
    record Accepted(byte[] line, boolean errorEvent) implements Outcome {
    }

    record Rejected(Rejection rejection) implements Outcome {
    }

    private final Sanitizer sanitizer;
    private final SchemaValidator validator;
    private final PythonJsonWriter strict = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);
    private final ByteSink sink = new ByteSink(1024);

    /** @param sanitizer null to write entries as given */
    EntryPipeline(Sanitizer sanitizer, SchemaValidator validator) {
        this.sanitizer = sanitizer;
        this.validator = validator;
    }

    Outcome process(ExecutionEntry entry) {
        ObjectNode node = entry.toJsonNode();
        if (sanitizer != null) {
            sanitizer.entry(node);
        }
        // NaN and infinities first: validators disagree about them (networknt calls NaN a wrong type, Python's
        // jsonschema accepts it as a number); the log refuses them.
        Optional<String> nonFinite = nonFinite(node, "");
        if (nonFinite.isPresent()) {
            return new Rejected(new Rejection(node, List.of(nonFiniteViolation(nonFinite.get()))));
        }
        sink.reset();
        try {
            strict.write(node, sink);
        } catch (IllegalArgumentException e) {
            List<Violation> violations = validator.validate(node);
            return new Rejected(new Rejection(node, !violations.isEmpty() ? violations
                    : List.of(new Violation("", "unwritable", e.getMessage()))));
        }
        // The encoded line reads back as this very value: when the fast check is sure of the bytes, networknt would
        // find nothing in the tree either (ADR 0042); otherwise it decides, as before.
        if (!validator.certainlyValid(sink.array(), 0, sink.size())) {
            List<Violation> violations = validator.validate(node);
            if (!violations.isEmpty()) {
                return new Rejected(new Rejection(node, violations));
            }
        }
        sink.write('\n');
        return new Accepted(sink.toByteArray(), isErrorEvent(entry));
    }

    private static Violation nonFiniteViolation(String pointer) {
        return new Violation(pointer, Rejection.NON_FINITE, "NaN and infinities are not JSON; the log refuses them");
    }

    private static Optional<String> nonFinite(JsonNode node, String pointer) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            return Optional.of(pointer);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                Optional<String> found = nonFinite(e.getValue(), pointer + "/" + PythonJsonWriter.escapePointer(e.getKey()));
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = nonFinite(node.get(i), pointer + "/" + i);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isErrorEvent(ExecutionEntry entry) {
        return switch (entry.eventType()) {
            case STEP_ERROR, SESSION_ERROR, ERROR -> true;
            default -> false;
        };
    }
}
