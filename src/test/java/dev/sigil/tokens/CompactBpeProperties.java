package dev.sigil.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import dev.sigil.testing.JsonArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The compact cl100k_base encoder gives jtokkit's built-in encoder's ids, on random texts made of the characters that
 * decide how the pattern splits, on any strings, and on real texts (the repository's docs and the contract's
 * examples); it declines only texts with a pre-token of {@link CompactBpe#LONGEST_PIECE} bytes or more. jtokkit is
 * the reference here, tiktoken in {@code TokenCounterCompatTest}.
 */
class CompactBpeProperties {

    private static final Encoding JTOKKIT = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private static final CompactBpe COMPACT = new CompactBpe(CompactRanks.load());

    /** Pieces of text where the pattern's alternatives meet: contractions, prefixes, digits, white space of every kind. */
    static final String[] UNITS = {"a", "Z", "q", "xyz", "The", " ", "  ", "   ", "\t", "\n", "\r", "\r\n", "\n\n", " \n",
        "\n ", "\t\n", "'", "'s", "'S", "'t", "'d", "'m", "'ll", "'LL", "'Ll", "'ve", "'VE", "'re", "'Re", "'x", "'\u017f",
        "\u017f", "0", "7", "42", "999", "1234", "\u0663", "\u00bd", "\u2167", "\u2460", "\ud835\udfce", ".", ",", "!", "?",
        "...", "-", "_", "/", "\\", "\"", "{", "}", ":", "=>", "#", "é", "ß", "Ж", "λ", "ש", "ع", "ह", "ि", "\u0301",
        "中", "文", "の", "カ", "한", "ไ", "ǅ", "ʰ", "ª", "µ", "😀", "👍🏽", "\u200d", "🇫🇷", "\u00a0", "\u3000", "\u2028",
        "\u2029", "\u202f", "\u205f", "\u1680", "\u2000", "\u200a", "\u200b", "\u0085", "\u000b", "\u000c", "\u001c",
        "\u001f", "\ufeff", "\u0000", "\ufffd", "𝔘", "™", "€", "…", "\u2019", "«", "<|endoftext|>", "\ud840\udc00",
        "\ud888\udfaf", "\ud888\udfb0", "\ud83e\udff9", "\ud83e\udffa"};

    @Provide
    Arbitrary<String> patternTexts() {
        return Arbitraries.of(UNITS).list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> anyStrings() {
        return Arbitraries.oneOf(JsonArbitraries.strings(), Arbitraries.strings().all().ofMaxLength(80)).map(TokenCounter::wellFormed);
    }

    private static void sameAsJtokkit(String text) {
        IntArrayList ids = COMPACT.encode(text);
        IntArrayList expected = JTOKKIT.encodeOrdinary(text);
        if (ids == null) {
            assertThat(longestPieceBytes(text)).as("declined %s", RunCutsProperties.escaped(text)).isGreaterThanOrEqualTo(CompactBpe.LONGEST_PIECE);
            assertThat(COMPACT.count(text)).isEqualTo(-1);
            return;
        }
        assertThat(ids.boxed()).as("ids of %s", RunCutsProperties.escaped(text)).isEqualTo(expected.boxed());
        assertThat(COMPACT.count(text)).as("count of %s", RunCutsProperties.escaped(text)).isEqualTo(expected.size());
    }

    /** The UTF-8 length of the longest pre-token, by jtokkit's own splitting (the decoded bytes of its tokens would not say). */
    private static int longestPieceBytes(String text) {
        int longest = 0;
        for (int start = 0; start < text.length(); ) {
            int end = Cl100kPieces.end(text, start);
            longest = Math.max(longest, text.substring(start, end).getBytes(StandardCharsets.UTF_8).length);
            start = end;
        }
        return longest;
    }

    @Property(tries = 2000)
    void textsOfThePatternsPiecesGiveJtokkitsIds(@ForAll("patternTexts") String text) {
        sameAsJtokkit(text);
    }

    @Property(tries = 1000)
    void anyStringGivesJtokkitsIds(@ForAll("anyStrings") String text) {
        sameAsJtokkit(text);
    }

    @Test
    void theRepositorysDocsAndExamplesGiveJtokkitsIds() throws IOException {
        List<Path> files;
        try (Stream<Path> docs = Files.walk(Path.of("docs")); Stream<Path> examples = Files.walk(Path.of("contract/examples"))) {
            files = Stream.concat(docs, examples).filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        long tokens = 0;
        for (Path file : files) {
            // some invalid examples are not UTF-8 on purpose: their bad bytes read as U+FFFD
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            sameAsJtokkit(text);
            for (String line : text.split("\n")) {
                sameAsJtokkit(line);
            }
            tokens += JTOKKIT.countTokensOrdinary(text);
        }
        assertThat(tokens).isGreaterThan(100_000);
    }

    @Test
    void aPreTokenOfTheLongestLengthDeclinesAndOneByteLessIsCounted() {
        String shorter = "x" + "a".repeat(CompactBpe.LONGEST_PIECE - 2) + " y";
        sameAsJtokkit(shorter);
        assertThat(COMPACT.count(shorter)).isPositive();
        String longest = "x" + "a".repeat(CompactBpe.LONGEST_PIECE - 1) + " y";
        assertThat(COMPACT.count(longest)).isEqualTo(-1);
        assertThat(COMPACT.encode(longest)).isNull();
        // a declined text is counted by jtokkit through the counter, with the same count
        assertThat(TokenCounter.forInput(TokenEncoding.CL100K_BASE, longest.length()).count(longest)).isEqualTo(JTOKKIT.countTokensOrdinary(longest));
    }
}
