package dev.sigil.monitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.tamboui.terminal.Mode2027Status;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The answers to the dashboard's start-up question (ADR 0200), as real terminals give them: tmux 3.3 and the Linux
 * console answer the device attributes only; terminals that know mode 2027 answer it first; keys typed meanwhile
 * go back to the input, in order.
 */
class TerminalRepliesTest {

    private static TerminalReplies read(String chars) {
        TerminalReplies r = new TerminalReplies();
        chars.chars().forEach(r::accept);
        return r;
    }

    @Test
    void aTerminalThatAnswersOnlyTheDeviceAttributesIsDoneWithoutMode2027() {
        TerminalReplies tmux = read("\033[?1;2c");
        assertThat(tmux.answered()).isTrue();
        assertThat(tmux.mode2027()).isEqualTo(Mode2027Status.NOT_SUPPORTED);
        assertThat(tmux.typed()).isEmpty();
        TerminalReplies console = read("\033[?6c");
        assertThat(console.answered()).isTrue();
        assertThat(console.typed()).isEmpty();
    }

    @Test
    void mode2027IsAsTheTerminalReportsIt() {
        assertThat(read("\033[?2027;1$y\033[?62;22c").mode2027()).isEqualTo(Mode2027Status.ENABLED);
        assertThat(read("\033[?2027;3$y\033[?62;22c").mode2027()).isEqualTo(Mode2027Status.ENABLED);
        assertThat(read("\033[?2027;2$y\033[?62;22c").mode2027()).isEqualTo(Mode2027Status.SUPPORTED_DISABLED);
        assertThat(read("\033[?2027;4$y\033[?62;22c").mode2027()).isEqualTo(Mode2027Status.SUPPORTED_DISABLED);
        assertThat(read("\033[?2027;0$y\033[?62;22c").mode2027()).isEqualTo(Mode2027Status.NOT_SUPPORTED);
        TerminalReplies r = read("\033[?2027;2$y\033[?62;22c");
        assertThat(r.answered()).isTrue();
        assertThat(r.typed()).isEmpty();
    }

    @Test
    void nothingYetIsNotAnsweredAndAReplyCutShortIsGivenBack() {
        assertThat(read("").answered()).isFalse();
        TerminalReplies cut = read("\033[?2027;2");
        assertThat(cut.answered()).isFalse();
        assertThat(cut.typed()).isEqualTo("\033[?2027;2");
    }

    @Test
    void keysAndOtherSequencesTypedMeanwhileAreKeptInOrder() {
        TerminalReplies r = read("q\033[A\033\033[?1;2cj");
        assertThat(r.answered()).isTrue();
        // an arrow key, an Esc on its own, then the answer; the j after it is still typed
        assertThat(r.typed()).isEqualTo("q\033[A\033j");
        // another mode's report and a cursor position report are not ours
        assertThat(read("\033[?1049;1$y\033[12;5R\033[?1;2c").typed()).isEqualTo("\033[?1049;1$y\033[12;5R");
        // Alt-x (ESC x) and a lone Esc at the end
        assertThat(read("\033x\033[?6c\033").typed()).isEqualTo("\033x\033");
    }

    @Property(tries = 300)
    void typedTextAroundTheAnswersComesBackWhole(@ForAll("keys") String before, @ForAll("keys") String after,
                                                @ForAll @IntRange(min = 0, max = 4) int ps, @ForAll boolean reportsMode) {
        String answers = (reportsMode ? "\033[?2027;" + ps + "$y" : "") + "\033[?65;1;9c";
        TerminalReplies r = read(before + answers + after);
        assertThat(r.answered()).isTrue();
        assertThat(r.typed()).isEqualTo(before + after);
        assertThat(r.mode2027().isSupported()).isEqualTo(reportsMode && ps != 0);
    }

    /** What a user types: printable text, control keys, arrows and other CSI keys, Esc alone or before a letter. */
    @Provide
    Arbitrary<String> keys() {
        Arbitrary<String> key = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(3),
                Arbitraries.of("\r", "\t", "\u0003", "\u007f", "é", "\033[A", "\033[1;5C", "\033[5~", "\033[200~x\033[201~",
                        "\033x", "\033O", "\033"));
        // Esc, [ and ? typed in a row read as the start of an answer: no key sends that, and no user types it that fast
        return key.list().ofMaxSize(6).map(l -> String.join("", l)).filter(s -> !s.contains("\033[?"));
    }
}
