package dev.sigil.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Long pre-tokens counted in checked pieces (ADR 0066) give tiktoken's own ids, against tiktoken itself: random texts
 * of runs and the characters around them (the pools of {@link RunCutsProperties}) cut into pieces of a few
 * characters, so that every cut meets real neighbours; and texts with runs of the real size, counted by
 * {@link TokenCounter} as {@code sigil tokens} counts them.
 */
@Tag("compat")
class RunCutsCompatTest {

    private static final long SEED = Long.getLong("sigil.tokens.seed", 20260111L);
    private static TiktokenOracle oracle;

    @BeforeAll
    static void startOracle() throws IOException, InterruptedException {
        oracle = TiktokenOracle.start();
    }

    @AfterAll
    static void stopOracle() {
        if (oracle != null) {
            oracle.close();
        }
    }

    /** A text of {@code parts} runs of up to {@code runLength} characters, each after a few characters from between. */
    static String text(Random random, int parts, int runLength) {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < parts; p++) {
            for (int b = random.nextInt(3); b > 0; b--) {
                sb.append(RunCutsProperties.BETWEEN[random.nextInt(RunCutsProperties.BETWEEN.length)]);
            }
            String[] units = new String[1 + random.nextInt(3)];
            for (int u = 0; u < units.length; u++) {
                units[u] = RunCutsProperties.RUN_UNITS[random.nextInt(RunCutsProperties.RUN_UNITS.length)];
            }
            int length = runLength / 4 + random.nextInt(runLength);
            for (int i = 0, start = sb.length(); sb.length() - start < length; i++) {
                sb.append(units[i % units.length]);
            }
        }
        return TokenCounter.wellFormed(sb.toString());
    }

    @Test
    void smallPiecesOfRandomRunsGiveTiktokensIds() throws IOException {
        Random random = new Random(SEED);
        for (int i = 0; i < 400; i++) {
            String text = text(random, 1 + random.nextInt(5), 300);
            int e = i % RunCutsProperties.TYPES.size();
            EncodingType type = RunCutsProperties.TYPES.get(e);
            Encoding bpe = RunCutsProperties.ENCODINGS.get(e);
            RunCuts cuts = new RunCuts(bpe, type == EncodingType.O200K_BASE, 24, 9);
            List<Integer> expected = oracle.encode(encoding(type), text);
            assertThat(cuts.encode(text).boxed()).as("%s ids of text %d (seed %d, -Dsigil.tokens.seed to change): %s", bpe.getName(),
                    i, SEED, RunCutsProperties.escaped(text)).isEqualTo(expected);
            assertThat(cuts.count(text, 1)).isEqualTo(expected.size());
        }
    }

    @Test
    void runsOfTheRealSizeGiveTiktokensCount() throws IOException {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 8; i++) {
            String text = text(random, 2, 3 * RunCuts.MIN_RUN);
            TokenEncoding encoding = i % 2 == 0 ? TokenEncoding.CL100K_BASE : TokenEncoding.O200K_BASE;
            List<Integer> expected = oracle.encode(encoding, text);
            TokenCounter counter = TokenCounter.of(encoding);
            assertThat(counter.count(text)).as("%s count of long text %d (seed %d)", encoding.tiktokenName(), i, SEED + 1)
                    .isEqualTo(expected.size());
            assertThat(counter.encode(text)).isEqualTo(expected);
        }
    }

    private static TokenEncoding encoding(EncodingType type) {
        for (TokenEncoding e : TokenEncoding.values()) {
            if (e.jtokkitType() == type) {
                return e;
            }
        }
        throw new IllegalArgumentException(type.toString());
    }
}
