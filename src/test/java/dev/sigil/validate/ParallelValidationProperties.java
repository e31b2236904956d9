package dev.sigil.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.codec.LineChunks;
import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.testing.LogFiles;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Validating in ordered parallel chunks reports exactly what validating line by line reports, stops included. */
class ParallelValidationProperties {

    private static final SchemaValidator SCHEMA = SchemaValidator.executionEntry();

    @Provide
    Arbitrary<byte[]> files() {
        return LogFiles.files();
    }

    @Property(tries = 300)
    void sameProblemsCountsAndStops(@ForAll("files") byte[] file, @ForAll @IntRange(min = 16, max = 2048) int chunkBytes,
                                    @ForAll @IntRange(min = 64, max = 4096) int maxLineBytes, @ForAll @IntRange(min = 0, max = 4) int maxErrors)
            throws IOException {
        LogValidator validator = new LogValidator(SCHEMA, maxLineBytes);
        List<Problem> sequential = new ArrayList<>();
        FileSummary expected = validator.validate("f", new ByteArrayInputStream(file), limit(sequential, maxErrors), LogValidator.Progress.NONE);
        List<Problem> parallel = new ArrayList<>();
        FileSummary actual = validator.validateInParallel("f", new ByteArrayInputStream(file), limit(parallel, maxErrors),
                LogValidator.Progress.NONE, new LineChunks<>(2, chunkBytes));
        assertThat(actual).isEqualTo(expected);
        assertThat(parallel).isEqualTo(sequential);
    }

    private static ProblemSink limit(List<Problem> into, int maxErrors) {
        return p -> {
            into.add(p);
            return maxErrors == 0 || into.size() < maxErrors;
        };
    }
}
