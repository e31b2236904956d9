package dev.sigil.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void escapeSequencesAreShownNeverActedOn() {
        assertThat(TerminalText.visible("\u001b[31mred\u001b[0m")).isEqualTo("^[[31mred^[[0m");
        assertThat(TerminalText.visible("\u001b]8;;http://x\u0007link")).isEqualTo("^[]8;;http://x^Glink");
    }

    @Test
    void lineBreaksAndTabsAreShownAsEscapes() {
        assertThat(TerminalText.visible("a\r\nb\tc")).isEqualTo("a\\r\\nb\\tc");
    }

    @Test
    void otherControlsInCaretNotationAndC1AndBidiAsCodePoints() {
        assertThat(TerminalText.visible("\u0000\u0001\u001f\u007f")).isEqualTo("^@^A^_^?");
        assertThat(TerminalText.visible("x\u009by\u202ez\u2066")).isEqualTo("x<U+009B>y<U+202E>z<U+2066>");
    }

    @Test
    void lineAndParagraphSeparatorsAsCodePoints() {
        assertThat(TerminalText.visible("a\u2028b\u2029c\u2027\u202f")).isEqualTo("a<U+2028>b<U+2029>c\u2027\u202f");
    }

    @Test
    void everyCharacterOfTheRangesIsReplacedAndTheirNeighboursKept() {
        for (char c = 0; c < 0x3000; c++) {
            boolean c0 = c < 0x20 || c == 0x7f;
            boolean coded = c >= 0x80 && c <= 0x9f || c == 0x2028 || c == 0x2029 || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
            String shown = TerminalText.visible(String.valueOf(c));
            if (coded) {
                assertThat(shown).isEqualTo(String.format("<U+%04X>", (int) c));
            } else if (c0) {
                assertThat(shown).hasSize(2).doesNotContain(String.valueOf(c));
            } else if (!Character.isSurrogate(c)) {
                assertThat(shown).isEqualTo(String.valueOf(c));
            }
        }
    }

    @Test
    void printableTextIsUntouched() {
        String s = "Analyse « Acme » — 100 % 😀 \uFFFD";
        assertThat(TerminalText.visible(s)).isSameAs(s);
    }
}
