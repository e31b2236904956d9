package dev.sigil.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import tools.jackson.databind.JsonNode;

/**
 * Finds the contract's schemas: the copies bundled in the jar at build time (the ones the generated records were
 * made from), or a file the user names.
 */
public final class ContractSchema {

    /** Resource path of the execution entry schema inside the jar. */
    public static final String EXECUTION_ENTRY = "contract/execution-entry.schema.json";
    /** The {@code $id} of the execution-entry schema: a schema with it gets the contract's rules beyond JSON Schema. */
    public static final String EXECUTION_ENTRY_ID = "urn:sigil:contract:execution-entry:1";

    private ContractSchema() {
    }

    /** The bundled execution-entry schema. */
    public static JsonNode executionEntry() {
        return bundled(EXECUTION_ENTRY);
    }

    /** A bundled schema by resource path. */
    public static JsonNode bundled(String resource) {
        byte[] bytes = bundledBytes(resource);
        if (bytes == null) {
            throw new IllegalStateException("the jar lacks its schema " + resource + "; rebuild sigil");
        }
        return new PythonJsonReader().read(bytes);
    }

    /** The bytes of a resource bundled in the jar, or null if it has none of that path. */
    public static byte[] bundledBytes(String resource) {
        try (InputStream in = ContractSchema.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A schema file named by the user.
     *
     * @throws SchemaFileException with a one-line reason if it cannot be read or is not JSON
     */
    public static JsonNode fromFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SchemaFileException(file + ": no such file");
        } catch (IOException e) {
            throw new SchemaFileException(file + ": cannot read: " + e.getMessage());
        }
        try {
            return new PythonJsonReader().read(bytes);
        } catch (JsonSyntaxException e) {
            throw new SchemaFileException(file + ": not JSON: " + e.reason() + " (column " + e.column() + ")");
        }
    }

    /** A schema file that cannot be used. */
    public static final class SchemaFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SchemaFileException(String message) {
            super(message);
        }
    }
}
