package dev.sigil.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import dev.sigil.contract.codec.PythonFloatRepr;

/**
 * The utilizations in tokens.json are Python's {@code round(x, 2)} of the seed's percentage: CPython decides, on
 * percentages computed as the seed computes them and on random doubles.
 */
@Tag("compat")
class PythonRoundCompatTest {

    private static final long SEED = 20260111L;

    @Test
    void round2IsCPythonsRound() throws Exception {
        Random random = new Random(SEED);
        List<Double> values = new ArrayList<>(List.of(0.125, 0.375, 2.675, 1.005, 0.0, 100.0, 99.995, 50.0));
        for (int i = 0; i < 2_000; i++) {
            long total = 1 + random.nextInt(1_000_000);
            long used = random.nextInt((int) Math.min(Integer.MAX_VALUE, total * 2));
            values.add((double) used / total * 100);
            values.add(random.nextDouble() * 100);
        }
        StringBuilder input = new StringBuilder();
        values.forEach(v -> input.append(PythonFloatRepr.repr(v)).append('\n'));
        ProcessResult r;
        try {
            r = new ProcessExecutor().command("python3", "-c",
                            "import sys\nfor line in sys.stdin:\n    print(repr(round(float(line), 2)))")
                    .redirectInput(new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.US_ASCII)))
                    .readOutput(true).timeout(2, TimeUnit.MINUTES).execute();
        } catch (IOException e) {
            throw new AssertionError("python3 is needed by this compat test: install CPython 3 (e.g. apt-get install python3)", e);
        }
        assertThat(r.getExitValue()).as(r.outputUTF8()).isZero();
        List<String> expected = r.outputUTF8().lines().toList();
        assertThat(expected).hasSize(values.size());
        for (int i = 0; i < values.size(); i++) {
            assertThat(PythonFloatRepr.repr(BudgetStatusJson.round2(values.get(i))))
                    .as("round(%s, 2), seed %d", PythonFloatRepr.repr(values.get(i)), SEED).isEqualTo(expected.get(i));
        }
    }
}
