package dev.sigil.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void controlCharactersAreShownInCaretNotation() {
        assertThat(TerminalText.visible("a\u001b[2Jb")).isEqualTo("a^[[2Jb");
        assertThat(TerminalText.visible("line1\nline2\ttab\r")).isEqualTo("line1^Jline2^Itab^M");
        assertThat(TerminalText.visible("\u0000\u0007\u007f")).isEqualTo("^@^G^?");
    }

    @Test
    void c1ControlsBidiOverridesAndLoneSurrogatesAreEscaped() {
        assertThat(TerminalText.visible("x\u009b31m")).isEqualTo("x\\u009b31m");
        assertThat(TerminalText.visible("abc\u202Edef")).isEqualTo("abc\\u202edef");
        assertThat(TerminalText.visible("\u2028")).isEqualTo("\\u2028");
        assertThat(TerminalText.visible("a\uD800b")).isEqualTo("a\\ud800b");
        assertThat(TerminalText.visible("\uDC00")).isEqualTo("\\udc00");
    }

    @Test
    void printableTextPassesUntouched() {
        String text = "Résumé 東京 \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 e\u0301 \u05E9\u05DC\u05D5\u05DD";
        assertThat(TerminalText.visible(text)).isSameAs(text);
        assertThat(TerminalText.isSafe(text)).isTrue();
        assertThat(TerminalText.isSafe("\u001b")).isFalse();
    }
}
