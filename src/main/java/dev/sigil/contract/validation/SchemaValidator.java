package dev.sigil.contract.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import dev.sigil.contract.ContractSchema;
import dev.sigil.contract.codec.FastJson;
import dev.sigil.contract.codec.PythonJsonWriter;
import tools.jackson.databind.JsonNode;

/**
 * Validates JSON values against a draft-07 schema with networknt's json-schema-validator. Thread-safe once built.
 */
public final class SchemaValidator {

    /** The draft-07 meta-schema, which networknt carries in its jar (no network access). */
    static final String DRAFT_7_META_SCHEMA = "http://json-schema.org/draft-07/schema#";

    private final JsonNode schemaNode;
    /** Whether the schema is the contract's (by its $id): its usage rules apply beyond the schema. */
    private final boolean usageRules;
    private final FastSchemaCheck fast;
    /** networknt's compiled schema, built on first use: a file whose lines all pass the fast check never needs it. */
    private volatile Schema schema;

    private SchemaValidator(JsonNode schemaNode) {
        this.schemaNode = schemaNode;
        this.usageRules = ContractSchema.EXECUTION_ENTRY_ID.equals(schemaNode.path("$id").asString(""));
        this.fast = FastSchemaCheck.compile(schemaNode, usageRules ? Map.of(UsageRules.DEFINITION, UsageRules.FAST_CHECK) : Map.of());
        if (fast == null) {
            schema();
        }
    }

    private Schema schema() {
        Schema s = schema;
        if (s == null) {
            synchronized (this) {
                s = schema;
                if (s == null) {
                    s = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaNode);
                    s.initializeValidators();
                    schema = s;
                }
            }
        }
        return s;
    }

    /**
     * True only if the line {@code bytes[from, to)} is certainly valid: CPython reads it, it holds no NaN or infinity,
     * and {@link #validate} would find nothing. False means "not sure" (read it and {@link #validate} the value).
     * The fast path of {@code sigil validate} (ADR 0042).
     */
    public boolean certainlyValid(byte[] bytes, int from, int to) {
        return fast != null && to - from <= FastJson.MAX_LINE_BYTES && fast.isValid(bytes, from, to);
    }

    /** A validator for the bundled execution-entry schema. */
    public static SchemaValidator executionEntry() {
        return new SchemaValidator(ContractSchema.executionEntry());
    }

    /**
     * A validator for a draft-07 schema given by the user.
     *
     * @throws IllegalArgumentException naming the first place where {@code schemaNode} breaks the draft-07 meta-schema
     *         (networknt would otherwise accept {@code {"type": 5}} and validate nothing with it)
     */
    public static SchemaValidator of(JsonNode schemaNode) {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(SchemaLocation.of(DRAFT_7_META_SCHEMA));
        List<Error> errors = meta.validate(schemaNode);
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            String where = pointer(first.getInstanceLocation());
            throw new IllegalArgumentException("not a draft-07 schema: " + (where.isEmpty() ? "/" : where) + ": " + message(first));
        }
        return new SchemaValidator(schemaNode);
    }

    /** How many properties the schema requires of the whole value (its top-level {@code required}). */
    public int requiredCount() {
        return schemaNode.path("required").size();
    }

    /**
     * Every violation of the schema by {@code value}, and for the contract's schema of its usage rules
     * ({@link UsageRules}); empty if valid.
     */
    public List<Violation> validate(JsonNode value) {
        List<Error> errors = schema().validate(HugeDoubles.asExactIntegers(value));
        List<Violation> rules = usageRules ? UsageRules.ofEntry(value) : List.of();
        if (errors.isEmpty()) {
            return rules;
        }
        List<Violation> out = new ArrayList<>(errors.size() + rules.size());
        for (Error e : errors) {
            out.add(new Violation(pointer(e.getInstanceLocation()), e.getKeyword(), message(e)));
        }
        out.addAll(rules);
        return out;
    }

    private static String pointer(NodePath path) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            s.append('/').append(element instanceof Integer n ? n.toString() : PythonJsonWriter.escapePointer(String.valueOf(element)));
        }
        return s.toString();
    }

    /** networknt prefixes messages with the instance location; the report has its own pointer, so drop it. */
    private static String message(Error e) {
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        if (colon > 0 && (m.startsWith("$") || m.startsWith("/"))) {
            m = m.substring(colon + 2);
        }
        return m;
    }
}
