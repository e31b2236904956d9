package dev.sigil.contract.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.model.ErrorInfo;

/**
 * docs/errors.md lists every code sigil can write, with its category, error type, meaning and suggestion, as the
 * one table in the code holds them; and no source file but that table spells a code, so the table is every code
 * the code base can write.
 */
class ErrorCodesDocTest {

    private static final Path DOC = Path.of("docs/errors.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9]*_[0-9]{3})` \\| (\\w+) \\| (\\w+) \\| (.+?) \\| (.+?) \\|$",
            Pattern.MULTILINE);
    /** A code written as a string literal, or as text in a comment: anything shaped like one. */
    private static final Pattern CODE_TEXT = Pattern.compile("\"[A-Z][A-Z0-9]*_[0-9]{3}\"");

    @Test
    void theDocumentListsExactlyTheTable() throws IOException {
        List<String> documented = new ArrayList<>();
        Matcher m = ROW.matcher(Files.readString(DOC));
        while (m.find()) {
            documented.add(String.join(" | ", m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)));
        }
        List<String> table = Arrays.stream(ErrorCode.values())
                .map(c -> String.join(" | ", c.code(), c.category().wireName(), c.errorType(), c.meaning(), c.suggestion()))
                .toList();
        assertThat(documented).containsExactlyElementsOf(table);
    }

    @Test
    void everyCodeFitsTheSchemasPatternAndIsUnique() {
        for (ErrorCode c : ErrorCode.values()) {
            assertThat(ErrorInfo.ERROR_CODE_PATTERN.matcher(c.code()).find()).as(c.code()).isTrue();
            assertThat(ErrorCode.of(c.code())).contains(c);
        }
        assertThat(ErrorCode.of("NOPE_001")).isEmpty();
    }

    @Test
    void noOtherSourceSpellsACode() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE_TEXT.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(f + ": " + m.group());
                }
            }
        }
        assertThat(found).as("codes are written through ErrorCode only").isEmpty();
    }

    @Test
    void theSeverityRuleIsTheSeeds() {
        assertThat(ErrorCategory.SYSTEM.severity(1).wireName()).isEqualTo("critical");
        assertThat(ErrorCategory.CONFIG.severity(1).wireName()).isEqualTo("error");
        assertThat(ErrorCategory.TRANSIENT.severity(1).wireName()).isEqualTo("warning");
        assertThat(ErrorCategory.TRANSIENT.severity(2).wireName()).isEqualTo("error");
        assertThat(ErrorCategory.LOGIC.severity(3).wireName()).isEqualTo("warning");
        assertThat(ErrorCode.RUN_001.severity(1).wireName()).as("an interruption the user asked for").isEqualTo("warning");
        assertThat(ErrorCode.SYSTEM_001.severity(1).wireName()).isEqualTo("critical");
    }

    @Test
    void aReaderShowsTheLinesSuggestionElseTheCodesElseTheCategorys() {
        assertThat(ErrorCode.suggestionFor("Call us", "TOKEN_001", "config")).isEqualTo("Call us");
        assertThat(ErrorCode.suggestionFor("", "TOKEN_001", "")).isEqualTo(ErrorCode.TOKEN_001.suggestion());
        assertThat(ErrorCode.suggestionFor("", "ACME_042", "transient")).isEqualTo("Will retry automatically");
        assertThat(ErrorCode.suggestionFor("", "ACME_042", "")).isEmpty();
    }

    @Test
    void theFastSchemaCheckTakesErrorRecordsToo() throws IOException {
        dev.sigil.contract.validation.SchemaValidator schema = dev.sigil.contract.validation.SchemaValidator.executionEntry();
        List<String> lines = Files.readAllLines(Path.of("contract/examples/valid/error-info.jsonl"));
        assertThat(lines).isNotEmpty().allSatisfy(l -> {
            byte[] b = l.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(schema.certainlyValid(b, 0, b.length)).as("fast path: %s", l).isTrue();
        });
    }
}
