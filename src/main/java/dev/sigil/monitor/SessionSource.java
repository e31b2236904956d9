package dev.sigil.monitor;

import java.util.List;
import java.util.function.Consumer;

import dev.sigil.layout.SessionId;
import dev.sigil.monitor.state.SessionChoice;

/**
 * Where the dashboard's session picker finds its sessions and how it follows the one chosen: this machine's log
 * directory ({@link #of(LogLocator)}), or a server's live list ({@code sigil monitor ws://HOST:PORT}, docs/remote.md).
 * Called off the render thread: both may block.
 */
public interface SessionSource {

    /** Tells {@code listed} the sessions to offer: once, or (a live list) again each time they change. */
    void list(long nowMillis, Consumer<List<SessionChoice>> listed);

    /** The log of session {@code id}, ready to be followed. */
    LogTarget open(String id);

    /**
     * Where to say what happens to the connection ("reconnecting (3)"), for the status bar; a local directory has
     * nothing to say.
     */
    default void notices(Consumer<String> notice) {
    }

    /** The sessions of this machine's log directory. */
    static SessionSource of(LogLocator locator) {
        return new SessionSource() {
            @Override
            public void list(long nowMillis, Consumer<List<SessionChoice>> listed) {
                listed.accept(locator.pickerSessions(nowMillis));
            }

            @Override
            public LogTarget open(String id) {
                return locator.session(SessionId.of(id));
            }
        };
    }
}
