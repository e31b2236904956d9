package dev.sigil.orchestrate.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.ToLongFunction;

import org.junit.jupiter.api.Test;

/**
 * The offline executor's prompt cache against Anthropic's documented minimum cacheable prompt lengths (Anthropic's
 * prompt-caching guide, as quoted in anthropics/anthropic-sdk-python#1194: 4,096 tokens for Claude Opus 4.6 and 4.5
 * and Claude Haiku 4.5; 1,024 for Claude Sonnet 4.6 and 4.5, Opus 4.1 and 4, Sonnet 4 and 3.7; 2,048 for Claude
 * Haiku 3.5 and 3): one token short of the minimum, a repeated context is neither written nor read; at the minimum
 * it is written once and read after.
 */
class PromptCacheTest {

    /** The documentation's table, by the models' API ids. */
    private static final Map<String, Integer> DOCUMENTED = Map.ofEntries(
            Map.entry("anthropic:claude-opus-4-6", 4096),
            Map.entry("anthropic:claude-opus-4-5-20251101", 4096),
            Map.entry("anthropic:claude-haiku-4-5-20251001", 4096),
            Map.entry("anthropic:claude-sonnet-4-6", 1024),
            Map.entry("anthropic:claude-sonnet-4-5-20250929", 1024),
            Map.entry("anthropic:claude-opus-4-1-20250805", 1024),
            Map.entry("anthropic:claude-opus-4-20250514", 1024),
            Map.entry("anthropic:claude-sonnet-4-20250514", 1024),
            Map.entry("anthropic:claude-3-7-sonnet-20250219", 1024),
            Map.entry("anthropic:claude-3-5-haiku-20241022", 2048),
            Map.entry("anthropic:claude-3-haiku-20240307", 2048));

    /** One token a word: the lengths below are exact. */
    private static final ToLongFunction<String> WORDS = s -> s.isBlank() ? 0 : s.trim().split("\\s+").length;

    private static String context(int tokens) {
        return "w ".repeat(tokens).trim();
    }

    @Test
    void aContextShorterThanTheModelsMinimumIsNeitherWrittenNorRead() {
        DOCUMENTED.forEach((model, minimum) -> {
            PromptCache cache = new PromptCache();
            String shortContext = context(minimum - 1);
            long in = minimum - 1 + 20;
            assertThat(cache.call(model, shortContext, in, WORDS)).as(model).isEqualTo(PromptCache.Split.NONE);
            assertThat(cache.call(model, shortContext, in, WORDS)).as(model + ", again").isEqualTo(PromptCache.Split.NONE);
        });
    }

    @Test
    void aContextOfTheMinimumIsWrittenOnceAndReadAfter() {
        DOCUMENTED.forEach((model, minimum) -> {
            PromptCache cache = new PromptCache();
            String context = context(minimum);
            long in = minimum + 20;
            assertThat(cache.call(model, context, in, WORDS)).as(model).isEqualTo(new PromptCache.Split(0, minimum));
            assertThat(cache.call(model, context, in, WORDS)).as(model + ", again").isEqualTo(new PromptCache.Split(minimum, 0));
        });
    }

    @Test
    void aSharedStartShorterThanTheMinimumIsNotReadButALongContextIsStillWritten() {
        String model = "anthropic:claude-sonnet-4-5-20250929";
        PromptCache cache = new PromptCache();
        String head = context(500);
        String first = head + "\n\n" + context(600);
        String second = head + "\n\n" + "x ".repeat(700).trim();
        assertThat(cache.call(model, first, 1200, WORDS)).isEqualTo(new PromptCache.Split(0, 1100));
        // 500 tokens in common: below the 1,024 of Sonnet 4.5, so no read; the new context (1,200) is written whole
        assertThat(cache.call(model, second, 1300, WORDS)).isEqualTo(new PromptCache.Split(0, 1200));
    }
}
