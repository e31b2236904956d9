package dev.sigil.tokens;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.IntArrayList;

/**
 * Counts tokens the way tiktoken does, with jtokkit doing the byte-pair encoding. Thread-safe; build one per
 * encoding and keep it (loading an encoding's ranks takes tens to hundreds of milliseconds, so it waits for the
 * first non-empty text, ADR 0240).
 *
 * <p>Two rules make the counts equal tiktoken's for every Java string (the compat test checks them against tiktoken
 * itself):
 * <ul>
 *   <li>special tokens such as {@code <|endoftext|>} are counted as the ordinary text they are
 *       ({@code encode_ordinary}); tiktoken's {@code encode} would refuse such text, and jtokkit's throws;</li>
 *   <li>an unpaired surrogate counts as U+FFFD, as in tiktoken (Python replaces it before encoding, JavaScript's
 *       UTF-8 conversion does the same); jtokkit alone would encode it as {@code ?} or worse.</li>
 * </ul>
 */
public final class TokenCounter {

    /** Tokens added for each message of a conversation (the seed's counter; OpenAI's framing of one message). */
    public static final int TOKENS_PER_MESSAGE = 4;
    /** Tokens added once per conversation (the priming of the reply). */
    public static final int TOKENS_PER_CONVERSATION = 3;

    private final TokenEncoding encoding;
    /** Built on the first text that needs counting (ADR 0240): an empty input never loads the ranks. */
    private volatile Ranks ranks;

    /** jtokkit's encoding and the run cutter over it, made together. */
    private record Ranks(Encoding bpe, RunCuts runs) {
    }

    private TokenCounter(TokenEncoding encoding) {
        this.encoding = encoding;
    }

    /** A counter for {@code encoding}; its ranks are loaded when the first non-empty text is counted. */
    public static TokenCounter of(TokenEncoding encoding) {
        return new TokenCounter(encoding);
    }

    private Ranks ranks() {
        Ranks r = ranks;
        if (r == null) {
            synchronized (this) {
                r = ranks;
                if (r == null) {
                    Encoding bpe = Encodings.newLazyEncodingRegistry().getEncoding(encoding.jtokkitType());
                    // o200k's letter pattern splits at a change of case; the other three take any letters together.
                    r = new Ranks(bpe, new RunCuts(bpe, encoding == TokenEncoding.O200K_BASE));
                    ranks = r;
                }
            }
        }
        return r;
    }

    public TokenEncoding encoding() {
        return encoding;
    }

    /** Texts longer than this are counted in pieces on every core (ADR 0043). */
    static final int PARALLEL_FROM_CHARS = 1 << 20;

    /**
     * Number of tokens in {@code text} (0 for the empty string). Long texts are counted in pieces on every core
     * (ADR 0043), and long pre-tokens in pieces of bounded size (ADR 0066), with the count of the whole.
     */
    public int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        String clean = wellFormed(text);
        Ranks r = ranks();
        if (clean.length() < RunCuts.MIN_RUN) {
            return r.bpe().countTokensOrdinary(clean);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return r.runs().count(clean, clean.length() >= PARALLEL_FROM_CHARS && cores > 1 ? cores : 1);
    }

    /** The token ids of {@code text}, as tiktoken's {@code encode_ordinary} returns them. */
    public List<Integer> encode(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String clean = wellFormed(text);
        Ranks r = ranks();
        IntArrayList ids = clean.length() < RunCuts.MIN_RUN ? r.bpe().encodeOrdinary(clean) : r.runs().encode(clean);
        List<Integer> list = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            list.add(ids.get(i));
        }
        return list;
    }

    /** Characters (code points, as Python's {@code len}), UTF-8 bytes and tokens of {@code text}. */
    public TextCount countText(String text) {
        String clean = wellFormed(text);
        return new TextCount(encoding, clean.codePointCount(0, clean.length()),
                clean.getBytes(StandardCharsets.UTF_8).length, count(clean));
    }

    /**
     * Tokens of a conversation by the seed's formula: each message costs its content's tokens plus
     * {@link #TOKENS_PER_MESSAGE}, the conversation {@link #TOKENS_PER_CONVERSATION} more. Roles and other keys are
     * not counted (the per-message overhead stands for them).
     */
    public MessageCount countMessages(List<ChatMessage> messages) {
        List<MessageCount.Message> counted = new ArrayList<>(messages.size());
        long total = TOKENS_PER_CONVERSATION;
        for (ChatMessage m : messages) {
            int content = m.content() == null ? 0 : count(m.content());
            counted.add(new MessageCount.Message(m.role(), content, TOKENS_PER_MESSAGE));
            total += content + (long) TOKENS_PER_MESSAGE;
        }
        return new MessageCount(encoding, counted, TOKENS_PER_CONVERSATION, total);
    }

    /** {@code text} with every unpaired surrogate replaced by U+FFFD (the same string when there is none). */
    static String wellFormed(String text) {
        int bad = firstUnpaired(text, 0);
        if (bad < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int from = 0;
        while (bad >= 0) {
            sb.append(text, from, bad).append('\uFFFD');
            from = bad + 1;
            bad = firstUnpaired(text, from);
        }
        return sb.append(text, from, text.length()).toString();
    }

    private static int firstUnpaired(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
