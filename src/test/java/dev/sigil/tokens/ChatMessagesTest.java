package dev.sigil.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.codec.PythonJsonReader;

class ChatMessagesTest {

    private static final PythonJsonReader JSON = new PythonJsonReader();

    @Test
    void readsRoleAndContentAndIgnoresOtherKeys() {
        assertThat(ChatMessages.fromJson(JSON.read("[{\"role\":\"system\",\"content\":\"be brief\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[]},{\"role\":\"user\",\"name\":\"x\"}]")))
                .containsExactly(new ChatMessage("system", "be brief"), new ChatMessage("assistant", null),
                        new ChatMessage("user", null));
    }

    @Test
    void refusesWhatItCannotCountWithThePointer() {
        assertThatThrownBy(() -> ChatMessages.fromJson(JSON.read("{\"role\":\"user\"}")))
                .hasMessage("expected a JSON array of {\"role\", \"content\"} objects, found an object");
        assertThatThrownBy(() -> ChatMessages.fromJson(JSON.read("[{\"role\":\"user\",\"content\":\"a\"},\"hi\"]")))
                .hasMessage("/1: expected an object with \"role\" and \"content\", found a string");
        assertThatThrownBy(() -> ChatMessages.fromJson(JSON.read("[{\"content\":\"a\"}]")))
                .hasMessage("/0: \"role\" is missing");
        assertThatThrownBy(() -> ChatMessages.fromJson(JSON.read("[{\"role\":1,\"content\":\"a\"}]")))
                .hasMessage("/0/role: expected a string, found a number");
        assertThatThrownBy(() -> ChatMessages.fromJson(JSON.read("[{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}]")))
                .hasMessage("/0/content: expected a string or null, found an array (content parts are not counted)");
    }
}
