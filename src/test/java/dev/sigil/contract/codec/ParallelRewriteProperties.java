package dev.sigil.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.testing.LogFiles;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Rewriting in ordered parallel chunks writes the same bytes and reports the same problems as line by line. */
class ParallelRewriteProperties {

    @Provide
    Arbitrary<byte[]> files() {
        return LogFiles.files();
    }

    @Property(tries = 300)
    void sameBytesAndProblems(@ForAll("files") byte[] file, @ForAll @IntRange(min = 16, max = 2048) int chunkBytes,
                              @ForAll @IntRange(min = 64, max = 4096) int maxLineBytes) throws IOException {
        CanonicalLines lines = new CanonicalLines(maxLineBytes);
        ByteArrayOutputStream sequentialOut = new ByteArrayOutputStream();
        List<String> sequential = new ArrayList<>();
        lines.rewrite(new ByteArrayInputStream(file), sequentialOut, recorder(sequential));
        ByteArrayOutputStream parallelOut = new ByteArrayOutputStream();
        List<String> parallel = new ArrayList<>();
        lines.rewriteInParallel(new ByteArrayInputStream(file), parallelOut, recorder(parallel), new LineChunks<>(2, chunkBytes));
        assertThat(parallelOut.toByteArray()).isEqualTo(sequentialOut.toByteArray());
        assertThat(parallel).isEqualTo(sequential);
    }

    private static CanonicalLines.Problems recorder(List<String> into) {
        return new CanonicalLines.Problems() {
            @Override
            public void notJson(long number, String reason, int column) {
                into.add(number + ":" + column + ":" + reason);
            }

            @Override
            public void tooLong(long number, long length) {
                into.add(number + ": too long " + length);
            }

            @Override
            public void outOfMemory(long number, long length) {
                into.add(number + ": out of memory " + length);
            }
        };
    }
}
