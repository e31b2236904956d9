package dev.sigil.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The addresses of remote sessions, the close codes and the stream's messages. */
class RemoteUrlTest {

    @Test
    void addressesAreParsedAndRefusedWithWhatIsWrong() {
        RemoteUrl u = RemoteUrl.parse("ws://127.0.0.1:8000/sessions/sess_abc-1");
        assertThat(u.secure()).isFalse();
        assertThat(u.session().value()).isEqualTo("sess_abc-1");
        assertThat(u.logStream(42).toString()).isEqualTo("ws://127.0.0.1:8000/sessions/sess_abc-1?from=42");
        assertThat(u).hasToString("ws://127.0.0.1:8000/sessions/sess_abc-1");
        RemoteUrl s = RemoteUrl.parse("wss://build-box/sessions/x");
        assertThat(s.secure()).isTrue();
        assertThat(s.logStream(0).toString()).isEqualTo("wss://build-box/sessions/x?from=0");
        assertThat(RemoteUrl.isRemote("ws://h/sessions/x")).isTrue();
        assertThat(RemoteUrl.isRemote("wss://h/sessions/x")).isTrue();
        assertThat(RemoteUrl.isRemote("logs/ws/x.jsonl")).isFalse();
        assertThatThrownBy(() -> RemoteUrl.parse("http://h/sessions/x")).hasMessageContaining("ws://HOST:PORT/sessions/ID");
        assertThatThrownBy(() -> RemoteUrl.parse("ws://h/other/x")).hasMessageContaining("the path must be /sessions/ID");
        assertThatThrownBy(() -> RemoteUrl.parse("ws://h/sessions/x?from=3")).hasMessageContaining("the path must be /sessions/ID");
        assertThatThrownBy(() -> RemoteUrl.parse("ws://h/sessions/../etc")).hasMessageContaining("is not a session id");
        assertThatThrownBy(() -> RemoteUrl.parse("ws:///sessions/x")).hasMessageContaining("no host");
        assertThatThrownBy(() -> RemoteUrl.parse("ws://h h/sessions/x")).hasMessageContaining("not a URL");
    }

    @Test
    void closeCodesSayWhetherToComeBack() {
        assertThat(CloseCode.of(4404)).isEqualTo(CloseCode.NOT_FOUND);
        assertThat(CloseCode.of(1006)).isNull();
        assertThat(CloseCode.STALLED.retry()).isTrue();
        assertThat(CloseCode.GOING_AWAY.retry()).isTrue();
        assertThat(CloseCode.UNAUTHORIZED.retry()).isFalse();
        for (CloseCode c : CloseCode.values()) {
            assertThat(CloseCode.of(c.code())).isEqualTo(c);
        }
    }

    @Test
    void messagesAreCompactJsonAndOnlyObjectsAreRead() {
        assertThat(Messages.hello("s1", 5, 9)).isEqualTo("{\"type\":\"hello\",\"session\":\"s1\",\"offset\":5,\"end\":9}");
        assertThat(Messages.heartbeat(7)).isEqualTo("{\"type\":\"heartbeat\",\"offset\":7}");
        assertThat(Messages.skipped(1, 2, "long")).isEqualTo("{\"type\":\"skipped\",\"offset\":1,\"length\":2,\"reason\":\"long\"}");
        assertThat(Messages.file("rotated", "d")).isEqualTo("{\"type\":\"file\",\"change\":\"rotated\",\"detail\":\"d\"}");
        assertThat(Messages.read("{\"type\":\"x\"}").path("type").asString()).isEqualTo("x");
        assertThat(Messages.read("[1]")).isNull();
        assertThat(Messages.read("{nope")).isNull();
    }
}
