package dev.sigil.contract.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.ContractSchema;
import dev.sigil.testing.EntryArbitraries;
import dev.sigil.testing.JsonArbitraries;
import dev.sigil.testing.JsonTexts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract's fast check compiled when sigil is built (ADR 0215) is the one the bundled schema compiles to at run
 * time: the same bytes, and the same verdict on every line.
 */
class CompiledSchemaFileTest {

    private static final Map<String, FastSchemaCheck.MemberCheck> CHECKS = Map.of(UsageRules.DEFINITION, UsageRules.FAST_CHECK);
    private static final FastSchemaCheck AT_RUN_TIME = FastSchemaCheck.compile(ContractSchema.executionEntry(), CHECKS);
    private static final FastSchemaCheck FROM_THE_BUILD = CompiledSchemaFile.decode(
            ContractSchema.bundledBytes(SchemaValidator.COMPILED_CONTRACT), CHECKS).check();

    @Test
    void theBuildsFileIsWhatTheSchemaCompilesToNow() {
        byte[] built = ContractSchema.bundledBytes(SchemaValidator.COMPILED_CONTRACT);
        assertThat(built).as("target/classes/" + SchemaValidator.COMPILED_CONTRACT).isNotNull();
        assertThat(built).isEqualTo(SchemaValidator.compiledContract());
        CompiledSchemaFile.Compiled read = CompiledSchemaFile.decode(built, CHECKS);
        assertThat(read.requiredCount()).isEqualTo(ContractSchema.executionEntry().path("required").size()).isPositive();
        assertThat(CompiledSchemaFile.encode(read.check(), read.requiredCount())).isEqualTo(built);
    }

    @Test
    void theBundledValidatorCountsTheRequiredPropertiesAsTheSchemaDoes() {
        assertThat(SchemaValidator.executionEntry().requiredCount())
                .isEqualTo(SchemaValidator.of(ContractSchema.executionEntry()).requiredCount());
    }

    @Test
    void everyExampleLineGetsTheSameVerdict() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        for (String dir : List.of("contract/examples/valid", "contract/examples/invalid")) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(dir), "*.jsonl")) {
                for (Path f : files) {
                    byte[] b = Files.readAllBytes(f); // the invalid examples hold bytes that are not UTF-8
                    for (int from = 0, nl; from < b.length; from = nl + 1) {
                        nl = indexOfNewline(b, from);
                        lines.add(java.util.Arrays.copyOfRange(b, from, nl));
                    }
                }
            }
        }
        int valid = 0;
        for (byte[] line : lines) {
            boolean expected = AT_RUN_TIME.isValid(line, 0, line.length);
            assertThat(FROM_THE_BUILD.isValid(line, 0, line.length)).as(new String(line, StandardCharsets.UTF_8)).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).isPositive().isLessThan(lines.size());
    }

    private static int indexOfNewline(byte[] b, int from) {
        int i = from;
        while (i < b.length && b[i] != '\n') {
            i++;
        }
        return i;
    }

    @Test
    void bytesOfAnotherKindAreRefused() {
        assertThatThrownBy(() -> CompiledSchemaFile.decode("{\"type\":\"object\"}".getBytes(StandardCharsets.UTF_8), CHECKS))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] built = ContractSchema.bundledBytes(SchemaValidator.COMPILED_CONTRACT);
        assertThatThrownBy(() -> CompiledSchemaFile.decode(java.util.Arrays.copyOf(built, built.length / 2), CHECKS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompiledSchemaFile.decode(built, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<byte[]> lines() {
        return Arbitraries.oneOf(JsonTexts.of(EntryArbitraries.entries()), JsonTexts.of(JsonArbitraries.values(2)));
    }

    @Property(tries = 3000)
    void anyLineGetsTheSameVerdict(@ForAll("lines") byte[] line) {
        assertThat(FROM_THE_BUILD.isValid(line, 0, line.length)).isEqualTo(AT_RUN_TIME.isValid(line, 0, line.length));
    }
}
