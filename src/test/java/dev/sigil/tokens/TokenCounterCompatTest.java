package dev.sigil.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.sigil.contract.codec.PythonJsonWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * sigil's token ids equal tiktoken's, for every encoding, on the corpus, on long repetitive strings and on random
 * strings; and the committed reference file (which the unit tests use) is what tiktoken says. Regenerate that file
 * on purpose with {@code -Dsigil.tokens.regenerate=true}.
 */
@Tag("compat")
class TokenCounterCompatTest {

    private static final long SEED = Long.getLong("sigil.tokens.seed", 20260111L);

    private static TiktokenOracle oracle;
    private static final Map<TokenEncoding, TokenCounter> COUNTERS = new EnumMap<>(TokenEncoding.class);
    /** cl100k_base's counter of short inputs: the compact table, jtokkit for what it declines (ADR 0265). */
    private static final TokenCounter COMPACT = TokenCounter.forInput(TokenEncoding.CL100K_BASE, 0);

    @BeforeAll
    static void startOracle() throws IOException, InterruptedException {
        oracle = TiktokenOracle.start();
        for (TokenEncoding e : TokenEncoding.values()) {
            COUNTERS.put(e, TokenCounter.of(e));
        }
    }

    @AfterAll
    static void stopOracle() {
        if (oracle != null) {
            oracle.close();
        }
    }

    private static void assertSame(TokenEncoding encoding, String name, String text) throws IOException {
        List<Integer> expected = oracle.encode(encoding, text);
        TokenCounter counter = COUNTERS.get(encoding);
        assertThat(counter.encode(text)).as("%s ids of %s", encoding.tiktokenName(), name).isEqualTo(expected);
        assertThat(counter.count(text)).as("%s count of %s", encoding.tiktokenName(), name).isEqualTo(expected.size());
        if (encoding == TokenEncoding.CL100K_BASE) {
            assertThat(COMPACT.encode(text)).as("compact ids of %s", name).isEqualTo(expected);
            assertThat(COMPACT.count(text)).as("compact count of %s", name).isEqualTo(expected.size());
        }
    }

    @Test
    void theOracleIsThePinnedVersion() throws IOException {
        String lock = Files.readString(dev.sigil.compat.NodeProject.DIR.resolve("package-lock.json"));
        assertThat(lock).contains("\"node_modules/@dqbd/tiktoken\": {\n      \"version\": \"" + oracle.version() + "\"");
    }

    @Test
    void everyCorpusTextInEveryEncoding() throws IOException {
        for (Corpus.Text t : Corpus.texts()) {
            for (TokenEncoding e : TokenEncoding.values()) {
                assertSame(e, t.name(), t.text());
            }
        }
    }

    @Test
    void longRepetitiveStrings() throws IOException {
        List<String> texts = List.of("a".repeat(20_000), "ab ".repeat(5_000), " ".repeat(10_000), "\n".repeat(5_000),
                "x" + " ".repeat(9_999) + "y", "😀".repeat(3_000), "1234567890".repeat(2_000), "Привет".repeat(2_000),
                "日本語".repeat(3_000), "\r\n".repeat(3_000), "<|endoftext|>".repeat(500), "\ud800".repeat(1_000));
        for (String text : texts) {
            for (TokenEncoding e : List.of(TokenEncoding.CL100K_BASE, TokenEncoding.O200K_BASE)) {
                assertSame(e, "a repeated string of " + text.length() + " chars starting " + text.substring(0, 2).strip(), text);
            }
        }
    }

    @Test
    void randomStringsFromManyScripts() throws IOException {
        Random random = new Random(SEED);
        String[] pool = {"a", "Z", "q", " ", "  ", "\t", "\n", "\r\n", "'s", "'LL", "0", "42", "999", ".", ",", "!", "?",
            "-", "_", "/", "\\", "\"", "é", "ß", "Ж", "ы", "λ", "ש", "ع", "ह", "ि", "中", "文", "の", "カ", "한", "ไ",
            "😀", "👍🏽", "‍", "🇫🇷", "\u00a0", "\u3000", "\u200b", "\u0301", "\ufeff", "\u0000", "\ud800", "\udfff",
            "<|endoftext|>", "𝔘", "™", "€", "…"};
        for (int i = 0; i < 600; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(40);
            for (int j = 0; j < len; j++) {
                sb.append(pool[random.nextInt(pool.length)]);
            }
            TokenEncoding e = TokenEncoding.values()[i % TokenEncoding.values().length];
            assertSame(e, "random string " + i + " (seed " + SEED + ", -Dsigil.tokens.seed to change)", sb.toString());
        }
    }

    @Test
    void theCommittedReferenceIsWhatTiktokenSays() throws IOException {
        PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);
        StringBuilder fresh = new StringBuilder();
        for (TokenEncoding e : Corpus.REFERENCE_ENCODINGS) {
            for (Corpus.Text t : Corpus.texts()) {
                ObjectNode line = JsonNodeFactory.instance.objectNode();
                line.put("name", t.name());
                line.put("encoding", e.tiktokenName());
                line.put("text", t.text());
                ArrayNode ids = line.putArray("tokens");
                oracle.encode(e, t.text()).forEach(ids::add);
                fresh.append(writer.encodeToString(line)).append('\n');
            }
        }
        Path committed = Path.of("src/test/resources/dev/sigil/tokens", Corpus.REFERENCE);
        if (Boolean.getBoolean("sigil.tokens.regenerate")) {
            Files.writeString(committed, fresh, StandardCharsets.US_ASCII);
        }
        assertThat(Files.readString(committed, StandardCharsets.US_ASCII))
                .as("%s is tiktoken %s's output; regenerate it with -Dsigil.tokens.regenerate=true", committed, oracle.version())
                .isEqualTo(fresh.toString());
    }
}
