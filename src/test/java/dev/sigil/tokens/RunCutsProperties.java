package dev.sigil.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Long pre-tokens counted in checked pieces give the count and the ids of the whole, in every encoding: texts of runs
 * (letters of one or both cases and of other scripts, marks, punctuation and symbols, spaces) between the characters
 * that decide how the patterns split (quotes and contractions, digits, newlines, tabs, other spaces, capitals, emoji),
 * cut into pieces of a few characters so that every kind of neighbour meets a cut. jtokkit's count of the whole text
 * is the reference here; tiktoken's, on long texts, in {@code TokenCounterCompatTest}.
 */
class RunCutsProperties {

    static final List<EncodingType> TYPES = List.of(EncodingType.CL100K_BASE, EncodingType.O200K_BASE,
            EncodingType.P50K_BASE, EncodingType.R50K_BASE);
    static final List<Encoding> ENCODINGS = TYPES.stream().map(t -> Encodings.newLazyEncodingRegistry().getEncoding(t)).toList();

    static final String[] RUN_UNITS = {"x", "ab", "xyz", "q", "Xy", "XX", "É", "é", "ß", "жи", "中文", "の", "ไทย", "ि",
        "\u0301", "\u093f", "=", "-=", "!", "…", "€", "*", "/", "_", "  ", " ", "ǅ", "ʰ", "'", "9", "\u2019", "«", "\ufffd", "™"};
    static final String[] BETWEEN = {"'s", "'LL", "'", "1", "42", "7777", "\n", "\r\n", "\t", "\u00a0", "\u3000", " ",
        "  ", "A", "Z", "😀", "\ud83d\udc4d", ".", "\"", "\n\n", " \n", "x\n", "\u0085", "1e5", "'re", "\u200b", "\u0301", "/",
        "\n/", "!\n", "'d", "ǅ", "\u2028", "\r"};

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> run = Combinators.combine(Arbitraries.of(RUN_UNITS).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.integers().between(20, 400)).as((units, length) -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; sb.length() < length; i++) {
                        sb.append(units.get(i % units.size()));
                    }
                    return sb.toString();
                });
        Arbitrary<String> between = Arbitraries.of(BETWEEN).list().ofMaxSize(3).map(l -> String.join("", l));
        return Combinators.combine(run, between).as((r, b) -> b + r).list().ofMinSize(1).ofMaxSize(6)
                .map(parts -> String.join("", parts));
    }

    @Property(tries = 400)
    void checkedPiecesGiveTheCountAndTheIdsOfTheWhole(@ForAll("texts") String text) {
        for (int i = 0; i < ENCODINGS.size(); i++) {
            Encoding e = ENCODINGS.get(i);
            RunCuts cuts = new RunCuts(e, TYPES.get(i) == EncodingType.O200K_BASE, 24, 9);
            assertThat(cuts.count(text, 1)).as("%s count of %s", e.getName(), escaped(text)).isEqualTo(e.countTokensOrdinary(text));
            assertThat(cuts.encode(text).boxed()).as("%s ids of %s", e.getName(), escaped(text)).isEqualTo(e.encodeOrdinary(text).boxed());
        }
    }

    @Property(tries = 100)
    void freeCutsAndRunCutsTogether(@ForAll("texts") String text) {
        for (int i = 0; i < ENCODINGS.size(); i++) {
            Encoding e = ENCODINGS.get(i);
            RunCuts cuts = new RunCuts(e, TYPES.get(i) == EncodingType.O200K_BASE, 24, 9);
            assertThat(cuts.count(text, 3)).as("%s count of %s", e.getName(), escaped(text)).isEqualTo(e.countTokensOrdinary(text));
        }
    }

    /** The text with every character outside printable ASCII as {@code \\uXXXX}, for a readable failure. */
    static String escaped(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            sb.append(c >= ' ' && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }
}
