package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.tokens.ChatMessage;
import dev.sigil.tokens.TokenCounter;
import dev.sigil.tokens.TokenEncoding;

/** {@code sigil tokens} in-process; expected counts come from TokenCounter, which the compat test holds to tiktoken. */
class TokensCommandTest {

    private static TokenCounter cl100k;
    private static TokenCounter o200k;

    @TempDir
    Path dir;

    @BeforeAll
    static void counters() {
        cl100k = TokenCounter.of(TokenEncoding.CL100K_BASE);
        o200k = TokenCounter.of(TokenEncoding.O200K_BASE);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void argumentsAreTheTextJoinedBySpaces() {
        CliRun r = CliRun.run(Map.of(), "tokens", "Hello,", "wörld", "🎉");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(cl100k.count("Hello, wörld 🎉") + "\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void standardInputIsReadWithoutArgumentsOrWithADash() {
        String text = "line one\nline two\n";
        assertThat(CliRun.run(Map.of(), utf8(text), "tokens").out()).isEqualTo(cl100k.count(text) + "\n");
        assertThat(CliRun.run(Map.of(), utf8(text), "tokens", "-").out()).isEqualTo(cl100k.count(text) + "\n");
        assertThat(CliRun.run(Map.of(), utf8(text), "tokens", "-f", "-").out()).isEqualTo(cl100k.count(text) + "\n");
    }

    @Test
    void filesAreCountedOneByOneWithATotal() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "Съешь же ещё этих мягких французских булок\n");
        Path b = Files.writeString(dir.resolve("b.txt"), "def f(x):\n\treturn x ** 2\n");
        long ca = cl100k.count(Files.readString(a));
        long cb = cl100k.count(Files.readString(b));
        CliRun r = CliRun.run(Map.of(), "tokens", "-f", a.toString(), "--file", b.toString());
        assertThat(r.out()).isEqualTo(ca + " " + a + "\n" + cb + " " + b + "\n" + (ca + cb) + " total\n");
    }

    @Test
    void jsonGivesTheBreakdown() {
        String text = "naïve café 日本";
        CliRun r = CliRun.run(Map.of(), "tokens", "--json", "--encoding", "o200k_base", text);
        assertThat(r.out()).isEqualTo("{\"source\":\"argument\",\"encoding\":\"o200k_base\",\"characters\":" + text.length()
                + ",\"bytes\":" + utf8(text).length + ",\"tokens\":" + o200k.count(text) + "}\n");
    }

    @Test
    void messagesGetTheSeedsOverheads() {
        String json = "[{\"role\":\"system\",\"content\":\"You are terse.\"},\n {\"role\":\"user\",\"content\":\"Count me.\"}]";
        long total = cl100k.countMessages(List.of(new ChatMessage("system", "You are terse."), new ChatMessage("user", "Count me."))).total();
        assertThat(total).isEqualTo(cl100k.count("You are terse.") + cl100k.count("Count me.") + 2 * 4 + 3);
        assertThat(CliRun.run(Map.of(), utf8(json), "tokens", "--messages").out()).isEqualTo(total + "\n");
        CliRun r = CliRun.run(Map.of(), utf8(json), "tokens", "--messages", "--json");
        assertThat(r.out()).isEqualTo("{\"source\":\"-\",\"encoding\":\"cl100k_base\",\"messages\":["
                + "{\"role\":\"system\",\"content_tokens\":" + cl100k.count("You are terse.") + ",\"overhead\":4,\"tokens\":" + (cl100k.count("You are terse.") + 4) + "},"
                + "{\"role\":\"user\",\"content_tokens\":" + cl100k.count("Count me.") + ",\"overhead\":4,\"tokens\":" + (cl100k.count("Count me.") + 4) + "}],"
                + "\"conversation_overhead\":3,\"tokens\":" + total + "}\n");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        assertThat(CliRun.run(Map.of(), "tokens", "-f", latin1.toString()))
                .isEqualTo(new CliRun(2, "", "sigil tokens: " + latin1 + ": not UTF-8 text (byte 0xe9 at offset 3)\n"));
        assertThat(CliRun.run(Map.of(), "tokens", "-f", dir.resolve("missing").toString()).err())
                .isEqualTo("sigil tokens: " + dir.resolve("missing") + ": no such file\n");
        assertThat(CliRun.run(Map.of(), "tokens", "--encoding", "gpt2", "x"))
                .isEqualTo(new CliRun(2, "", "sigil tokens: --encoding gpt2: unknown encoding; use one of"
                        + " cl100k_base, o200k_base, p50k_base, p50k_edit, r50k_base\n"));
        assertThat(CliRun.run(Map.of(), "tokens", "-f", latin1.toString(), "text").err())
                .isEqualTo("sigil tokens: give the text as arguments or with --file, not both\n");
        assertThat(CliRun.run(Map.of(), utf8("[{\"role\":\"user\",\n\"content\":}]"), "tokens", "--messages"))
                .isEqualTo(new CliRun(2, "", "sigil tokens: <stdin>:2:11: not valid JSON: expecting a value (found '}')\n"));
        assertThat(CliRun.run(Map.of(), "tokens", "--messages", "[{\"role\":\"user\",\"content\":[]}]").err())
                .isEqualTo("sigil tokens: argument: /0/content: expected a string or null, found an array (content parts are not counted)\n");
    }

    @Test
    void helpReadsWell() {
        CliRun r = CliRun.run(Map.of(), "tokens", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: sigil tokens ").contains("--encoding=NAME", "--messages", "--json", "--file=PATH", "Exit codes:");
    }
}
