import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.sigil.contract.validation.SchemaValidator;

/**
 * Writes the contract schema's fast check, compiled by the classes just built, into the jar's classes, so that
 * {@code sigil validate} reads a few hundred bytes at start instead of parsing and compiling the 18 KB schema
 * (ADR 0215). {@code CompiledSchemaFileTest} compares the file with what the runtime compiles.
 *
 *   java -cp CLASSPATH src/codegen/CompiledContract.java OUT_FILE
 */
public final class CompiledContract {

    private CompiledContract() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        byte[] bytes = SchemaValidator.compiledContract();
        Files.write(out, bytes);
        System.out.println("contract fast check: " + bytes.length + " bytes in " + out);
    }
}
