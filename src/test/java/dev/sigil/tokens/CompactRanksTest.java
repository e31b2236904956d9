package dev.sigil.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The jar's compact cl100k_base table is the compile of jtokkit's ranks, and every token looks up to its own rank. */
class CompactRanksTest {

    private static BufferedReader jtokkitsRanks() {
        InputStream in = CompactRanks.class.getResourceAsStream(CompactRanks.SOURCE);
        assertThat(in).as("jtokkit's ranks on the test class path").isNotNull();
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    }

    @Test
    void theJarsCopyIsTheCompileOfJtokkitsRanks() throws IOException {
        byte[] built;
        try (InputStream in = CompactRanks.class.getResourceAsStream(CompactRanks.RESOURCE)) {
            assertThat(in).as("%s written by the build (src/codegen/CompactRanksFile.java)", CompactRanks.RESOURCE).isNotNull();
            built = in.readAllBytes();
        }
        try (BufferedReader source = jtokkitsRanks()) {
            assertThat(built).isEqualTo(CompactRanks.compile(source));
        }
    }

    @Test
    void everyTokenLooksUpToItsRankAndOtherBytesToNone() throws IOException {
        // the oracle: tiktoken's file read plainly, into a map
        Map<ByteBuffer, Integer> oracle = new HashMap<>();
        try (BufferedReader source = jtokkitsRanks()) {
            source.lines().filter(l -> !l.isEmpty()).forEach(l -> {
                String[] parts = l.split(" ");
                oracle.put(ByteBuffer.wrap(Base64.getDecoder().decode(parts[0])), Integer.parseInt(parts[1]));
            });
        }
        CompactRanks ranks = CompactRanks.load();
        assertThat(ranks.size()).isEqualTo(oracle.size());
        int longerTokens = 0;
        for (int r = 0; r < ranks.size(); r++) {
            byte[] token = ranks.bytes(r);
            assertThat(oracle.get(ByteBuffer.wrap(token))).as("rank %d's bytes", r).isEqualTo(r);
            byte[] padded = new byte[token.length + 2];
            System.arraycopy(token, 0, padded, 1, token.length);
            assertThat(ranks.rank(padded, 1, token.length)).as("rank %d, at an offset", r).isEqualTo(r);
            // the token with a byte more, a token or not
            for (int extra : new int[] {' ', 'e', 0x80, 0xff}) {
                byte[] longer = Arrays.copyOf(token, token.length + 1);
                longer[token.length] = (byte) extra;
                int expected = oracle.getOrDefault(ByteBuffer.wrap(longer), -1);
                assertThat(ranks.rank(longer, 0, longer.length)).as("rank %d and byte %d", r, extra).isEqualTo(expected);
                longerTokens += expected >= 0 ? 1 : 0;
            }
        }
        // both kinds of answer were asked for
        assertThat(longerTokens).isPositive().isLessThan(4 * ranks.size());
    }

    @Test
    void aRankFileWithAGapOrAMissingByteIsRefused() {
        assertThatThrownBy(() -> CompactRanks.compile(new BufferedReader(new StringReader("YQ== 0\nYg== 2\n"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> CompactRanks.compile(new BufferedReader(new StringReader("YQ== 0\nYg== 1\n"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("byte 0 is no token");
    }
}
