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

    /** Where the bundled contract's fast check, compiled when sigil was built, is in the jar (ADR 0215). */
    static final String COMPILED_CONTRACT = "contract/execution-entry.fast-check";
    /** The member checks of the contract's schema, by definition. */
    private static final Map<String, FastSchemaCheck.MemberCheck> CONTRACT_CHECKS = Map.of(UsageRules.DEFINITION, UsageRules.FAST_CHECK);

    /** The schema, or null for the bundled contract until the exact path needs it (a valid log never does). */
    private volatile JsonNode schemaNode;
    /** Whether the schema is the contract's (by its $id): its usage rules apply beyond the schema. */
    private final boolean usageRules;
    private final FastSchemaCheck fast;
    private final int requiredCount;
    /** networknt's compiled schema, built on first use: a file whose lines all pass the fast check never needs it. */
    private volatile Schema schema;

    private SchemaValidator(JsonNode schemaNode) {
        this.schemaNode = schemaNode;
        this.usageRules = ContractSchema.EXECUTION_ENTRY_ID.equals(schemaNode.path("$id").asString(""));
        this.fast = FastSchemaCheck.compile(schemaNode, usageRules ? CONTRACT_CHECKS : Map.of());
        this.requiredCount = schemaNode.path("required").size();
        if (fast == null) {
            schema();
        }
    }

    /** The bundled contract from its compiled fast check: the schema itself is read when the exact path first runs. */
    private SchemaValidator(CompiledSchemaFile.Compiled contract) {
        this.usageRules = true;
        this.fast = contract.check();
        this.requiredCount = contract.requiredCount();
    }

    private JsonNode schemaNode() {
        JsonNode n = schemaNode;
        if (n == null) {
            n = ContractSchema.executionEntry();
            schemaNode = n;
        }
        return n;
    }

    private Schema schema() {
        Schema s = schema;
        if (s == null) {
            synchronized (this) {
                s = schema;
                if (s == null) {
                    s = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaNode());
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

    /**
     * A validator for the bundled execution-entry schema: its fast check as compiled when sigil was built (ADR 0215),
     * or compiled now from the schema when the jar lacks it (classes built without the build's last steps).
     */
    public static SchemaValidator executionEntry() {
        byte[] compiled = ContractSchema.bundledBytes(COMPILED_CONTRACT);
        return compiled == null ? new SchemaValidator(ContractSchema.executionEntry())
                : new SchemaValidator(CompiledSchemaFile.decode(compiled, CONTRACT_CHECKS));
    }

    /** The bundled schema's fast check compiled now, as the bytes the build puts in the jar at {@link #COMPILED_CONTRACT}. */
    public static byte[] compiledContract() {
        JsonNode contract = ContractSchema.executionEntry();
        FastSchemaCheck check = FastSchemaCheck.compile(contract, CONTRACT_CHECKS);
        if (check == null) {
            throw new IllegalStateException("the contract's schema has a rule the fast check does not handle");
        }
        return CompiledSchemaFile.encode(check, contract.path("required").size());
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
        return requiredCount;
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
