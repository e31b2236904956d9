package dev.sigil.tokens;

import java.util.List;

/**
 * The tokens of a conversation, message by message.
 *
 * @param encoding the encoding the contents were counted with
 * @param messages each message's count, in order
 * @param conversationOverhead tokens added once for the conversation
 * @param total the sum of every message's tokens and the conversation overhead
 */
public record MessageCount(TokenEncoding encoding, List<Message> messages, int conversationOverhead, long total) {

    public MessageCount {
        messages = List.copyOf(messages);
    }

    /**
     * One message's share.
     *
     * @param role the message's role
     * @param contentTokens tokens of its content
     * @param overhead tokens added for the message itself
     */
    public record Message(String role, long contentTokens, int overhead) {

        /** Content and overhead together. */
        public long tokens() {
            return contentTokens + overhead;
        }
    }
}
