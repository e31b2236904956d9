package dev.sigil.tail;

import java.util.List;

import dev.sigil.contract.event.Dialect;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.contract.validation.Violation;

/**
 * Which lines fail the contract, for the alert metric {@code invalid_lines} (docs/alerts.md §2), the same for every
 * reader: a line skipped (not JSON, not an object, too long), a JSON object no format recognises, and an execution
 * entry its schema refuses. A seed-002 operation line and a line a format mapped pass. A line the schema's fast path
 * takes ({@link SchemaValidator#certainlyValid}) costs no parse; the schema is loaded on the first line that needs it.
 * Not thread-safe (one per reader).
 */
public final class LineContract {

    private SchemaValidator schema;

    /** The rule a skipped line broke, or null when it is not the line's fault (an unterminated line dropped). */
    public static String of(SkipReason reason) {
        return switch (reason) {
            case MALFORMED -> "json";
            case NOT_AN_OBJECT -> "object";
            case TOO_LONG -> "line-length";
            case TORN -> null;
        };
    }

    /** The rule the line of {@code entry} broke, or null when it keeps the contract. */
    public String broken(TailEntry entry) {
        LogEvent e = entry.event();
        if (e.dialect() == Dialect.OTHER) {
            return "unrecognised";
        }
        if (e.dialect() != Dialect.EXECUTION_ENTRY) {
            return null;
        }
        if (schema == null) {
            schema = SchemaValidator.executionEntry();
        }
        byte[] text = entry.text();
        if (text != null && schema.certainlyValid(text, entry.textFrom(), entry.textTo())) {
            return null;
        }
        List<Violation> violations = schema.validate(entry.json());
        return violations.isEmpty() ? null : violations.get(0).keyword();
    }
}
