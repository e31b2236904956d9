package dev.sigil.orchestrate.execute;

/**
 * Anthropic's minimum cacheable prompt length, by model (docs/cost.md §7.1, ADR 0191): a prefix shorter than this is
 * neither written to the prompt cache nor read from it, and is billed as plain input. 4,096 tokens for Claude Opus 4.5
 * and 4.6 and Claude Haiku 4.5; 2,048 for Claude Haiku 3.5 and 3; 1,024 for the others (Sonnet 3.7 to 4.6, Opus 4 and
 * 4.1, and the Claude 3 and 3.5 Sonnet and Opus models). A model this table does not know gets the lowest, 1,024.
 */
final class CacheMinimum {

    static final int LOWEST = 1024;

    private CacheMinimum() {
    }

    /** The minimum for {@code model}, a {@code provider:model-id} such as {@code anthropic:claude-haiku-4-5-20251001}. */
    static int tokens(String model) {
        String id = model.substring(model.indexOf(':') + 1);
        if (id.startsWith("claude-opus-4-5") || id.startsWith("claude-opus-4-6") || id.startsWith("claude-haiku-4-5")) {
            return 4096;
        }
        if (id.startsWith("claude-3-5-haiku") || id.startsWith("claude-3-haiku") || id.startsWith("claude-haiku-3")) {
            return 2048;
        }
        return LOWEST;
    }
}
