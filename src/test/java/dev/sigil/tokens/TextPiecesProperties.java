package dev.sigil.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.sigil.testing.JsonArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Counting a text in pieces gives the count of the whole, in every encoding (the cuts of {@link TextPieces}). */
class TextPiecesProperties {

    private static final List<Encoding> ENCODINGS = List.of(EncodingType.CL100K_BASE, EncodingType.O200K_BASE, EncodingType.P50K_BASE,
            EncodingType.R50K_BASE).stream().map(t -> Encodings.newLazyEncodingRegistry().getEncoding(t)).toList();

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> line = Arbitraries.oneOf(JsonArbitraries.strings(), Arbitraries.of("", " ", "\t", "  x", "'s", "123456",
                "!!", "\r", " \n", "\u00a0", "\u3000word", "\u2028", "'ll go", "a\r"));
        return line.list().ofMaxSize(40).map(lines -> String.join("\n", lines)).map(TokenCounter::wellFormed);
    }

    @Property(tries = 600)
    void piecesAddUpToTheWhole(@ForAll("texts") String text, @ForAll @IntRange(min = 2, max = 6) int parts) {
        List<String> pieces = TextPieces.split(text, parts);
        assertThat(String.join("", pieces)).isEqualTo(text);
        for (Encoding e : ENCODINGS) {
            int whole = e.countTokensOrdinary(text);
            assertThat(pieces.stream().mapToInt(e::countTokensOrdinary).sum()).as(e.getName()).isEqualTo(whole);
        }
    }
}
