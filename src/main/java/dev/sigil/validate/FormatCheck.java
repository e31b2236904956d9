package dev.sigil.validate;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.format.Choice;
import dev.sigil.contract.format.EventCheck;
import dev.sigil.contract.format.FormatDefinition;
import dev.sigil.contract.format.Mapped;
import tools.jackson.databind.JsonNode;

/**
 * {@code sigil validate --input-format NAME}: each line must be a JSON object that the format recognises and maps to
 * an event sigil can take (its usage within the contract's rules, its event type one of the contract's; {@link
 * EventCheck}). Problems: {@code json} (not JSON), {@code format} (not recognised), {@code object}, the usage rule
 * broken, or {@code event-type}. Not thread-safe.
 */
final class FormatCheck {

    private final FormatDefinition format;
    private final Choice choice;
    private final PythonJsonReader reader = new PythonJsonReader();

    FormatCheck(Choice forced) {
        this.choice = forced;
        this.format = forced.first();
    }

    List<Problem> check(String path, long number, byte[] bytes, int from, int to) {
        JsonNode value;
        try {
            value = reader.read(bytes, from, to);
        } catch (JsonSyntaxException e) {
            return List.of(new Problem(path, number, e.column(), null, "json", e.reason()));
        }
        if (!value.isObject()) {
            return List.of(new Problem(path, number, 0, "", "object", "not a JSON object: a line of " + format.name() + " is one"));
        }
        List<Mapped> events = choice.read(value);
        if (events == null) {
            return List.of(new Problem(path, number, 0, "", "format", "not a line of " + format.name()
                    + " (its match does not hold; sigil formats --detect " + path + " says which format it is)"));
        }
        List<Problem> out = new ArrayList<>(0);
        for (Mapped m : events) {
            String wrong = EventCheck.problem(m);
            if (wrong != null) {
                String rule = m.problem() != null ? m.problem().keyword() : "event-type";
                out.add(new Problem(path, number, 0, m.problem() != null ? m.problem().pointer() : "", rule, wrong));
            }
        }
        return out;
    }
}
