package dev.sigil.tokens;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Reads a conversation from JSON: an array of objects with a string {@code role} and a {@code content} that is a
 * string, null or absent. Anything else is refused with the JSON pointer of the value and what was found, so that a
 * count never silently leaves a message out.
 */
public final class ChatMessages {

    private ChatMessages() {
    }

    /**
     * The messages of {@code json}.
     *
     * @throws IllegalArgumentException naming the first message that is not a {@code {role, content}} object
     */
    public static List<ChatMessage> fromJson(JsonNode json) {
        if (!json.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of {\"role\", \"content\"} objects, found " + kind(json));
        }
        List<ChatMessage> messages = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            messages.add(message(json.get(i), i));
        }
        return messages;
    }

    private static ChatMessage message(JsonNode node, int index) {
        String where = "/" + index;
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object with \"role\" and \"content\", found " + kind(node));
        }
        JsonNode role = node.get("role");
        if (role == null) {
            throw new IllegalArgumentException(where + ": \"role\" is missing");
        }
        if (!role.isString()) {
            throw new IllegalArgumentException(where + "/role: expected a string, found " + kind(role));
        }
        JsonNode content = node.get("content");
        if (content == null || content.isNull()) {
            return new ChatMessage(role.stringValue(), null);
        }
        if (!content.isString()) {
            throw new IllegalArgumentException(where + "/content: expected a string or null, found " + kind(content)
                    + " (content parts are not counted)");
        }
        return new ChatMessage(role.stringValue(), content.stringValue());
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isString()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }
}
