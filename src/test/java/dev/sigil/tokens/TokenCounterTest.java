package dev.sigil.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Counts against tiktoken's answers, committed in tiktoken-reference.jsonl (which TokenCounterCompatTest checks
 * against tiktoken itself). No expected count here is written by hand.
 */
class TokenCounterTest {

    private static final Map<TokenEncoding, TokenCounter> COUNTERS = new EnumMap<>(TokenEncoding.class);

    private static TokenCounter counter(TokenEncoding e) {
        return COUNTERS.computeIfAbsent(e, TokenCounter::of);
    }

    @Test
    void everyReferenceTextHasTiktokensIdsAndCount() throws IOException {
        List<Corpus.Reference> refs = Corpus.references();
        assertThat(refs).hasSize(Corpus.texts().size() * Corpus.REFERENCE_ENCODINGS.size());
        for (Corpus.Reference r : refs) {
            TokenCounter c = counter(r.encoding());
            assertThat(c.encode(r.text())).as("%s %s", r.encoding().tiktokenName(), r.name()).isEqualTo(r.tokens());
            assertThat(c.count(r.text())).as("%s %s", r.encoding().tiktokenName(), r.name()).isEqualTo(r.tokens().size());
        }
    }

    @Test
    void aFreshCounterAnswersTheEmptyTextAndThenCountsAsTiktoken() throws IOException {
        // the ranks wait for the first non-empty text (ADR 0240): a counter that has seen only empty texts must still
        // count the next one as tiktoken does
        Corpus.Reference r = Corpus.references().stream().filter(x -> !x.text().isEmpty()).findFirst().orElseThrow();
        TokenCounter fresh = TokenCounter.of(r.encoding());
        assertThat(fresh.count("")).isZero();
        assertThat(fresh.encode("")).isEmpty();
        assertThat(fresh.countText("").tokens()).isZero();
        assertThat(fresh.encode(r.text())).as(r.name()).isEqualTo(r.tokens());
        assertThat(fresh.count(r.text())).as(r.name()).isEqualTo(r.tokens().size());
    }

    @Test
    void theEncodingsDiffer() throws IOException {
        // the reference holds texts whose counts differ between cl100k_base and o200k_base: --encoding matters
        Map<String, Integer> cl100k = new java.util.HashMap<>();
        long differing = 0;
        for (Corpus.Reference r : Corpus.references()) {
            if (r.encoding() == TokenEncoding.CL100K_BASE) {
                cl100k.put(r.name(), r.tokens().size());
            } else if (cl100k.get(r.name()) != r.tokens().size()) {
                differing++;
            }
        }
        assertThat(differing).isPositive();
    }

    @Test
    void messagesCostTheirContentPlusFourEachPlusThree() throws IOException {
        List<Corpus.Reference> refs = Corpus.references().stream()
                .filter(r -> r.encoding() == TokenEncoding.CL100K_BASE).toList();
        List<ChatMessage> messages = new ArrayList<>();
        long expected = 3;
        for (int i = 0; i < refs.size(); i++) {
            messages.add(new ChatMessage(i % 2 == 0 ? "user" : "assistant", refs.get(i).text()));
            expected += refs.get(i).tokens().size() + 4;
        }
        messages.add(new ChatMessage("tool", null));
        expected += 4;
        MessageCount count = counter(TokenEncoding.CL100K_BASE).countMessages(messages);
        assertThat(count.total()).isEqualTo(expected);
        assertThat(count.conversationOverhead()).isEqualTo(3);
        assertThat(count.messages()).hasSize(messages.size());
        assertThat(count.messages().get(0).contentTokens()).isEqualTo(refs.get(0).tokens().size());
        assertThat(count.messages().get(messages.size() - 1)).isEqualTo(new MessageCount.Message("tool", 0, 4));
        assertThat(counter(TokenEncoding.CL100K_BASE).countMessages(List.of()).total()).isEqualTo(3);
    }

    @Test
    void textCountsCharactersAsPythonAndBytesAsUtf8() throws IOException {
        for (Corpus.Reference r : Corpus.references()) {
            TextCount c = counter(r.encoding()).countText(r.text());
            String clean = TokenCounter.wellFormed(r.text());
            assertThat(c.characters()).isEqualTo(clean.codePoints().count());
            assertThat(c.utf8Bytes()).isEqualTo(clean.getBytes(StandardCharsets.UTF_8).length);
            assertThat(c.tokens()).isEqualTo(r.tokens().size());
            assertThat(c.encoding()).isEqualTo(r.encoding());
        }
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharacters() {
        assertThat(TokenCounter.wellFormed("a\ud800b\udc00\ud83d\ude00\ud83d")).isEqualTo("a\ufffdb\ufffd\ud83d\ude00\ufffd");
        String plain = "no surrogates here";
        assertThat(TokenCounter.wellFormed(plain)).isSameAs(plain);
    }

    @Test
    void encodingsAreNamedAsTiktokenNamesThem() {
        assertThat(TokenEncoding.fromName("O200K_BASE")).contains(TokenEncoding.O200K_BASE);
        assertThat(TokenEncoding.fromName("gpt2")).isEmpty();
        assertThat(TokenEncoding.names()).isEqualTo("cl100k_base, o200k_base, p50k_base, p50k_edit, r50k_base");
        assertThat(TokenEncoding.DEFAULT).isEqualTo(TokenEncoding.CL100K_BASE);
    }
}
