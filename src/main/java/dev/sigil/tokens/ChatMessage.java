package dev.sigil.tokens;

import java.util.Objects;

/**
 * One message of a chat conversation.
 *
 * @param role who speaks ({@code system}, {@code user}, {@code assistant}, ...)
 * @param content the text, or null for a message without content (counted as empty)
 */
public record ChatMessage(String role, String content) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
    }
}
