package dev.sigil.remote;

/**
 * Why the server closes a stream: WebSocket close codes in the range left to applications (4000-4999), each with the
 * HTTP status it mirrors, so that a client can tell a refusal to give up on from a cut to reconnect after.
 */
public enum CloseCode {
    /** A malformed request or message: a bad offset, a bad id, a message the stream does not take. */
    BAD_REQUEST(4400, false),
    /** No token, or the wrong one. */
    UNAUTHORIZED(4401, false),
    /** No such session under the log root. */
    NOT_FOUND(4404, false),
    /** The client read nothing for too long while its window was full: reconnect from the offset said. */
    STALLED(4408, true),
    /** The log was truncated or replaced: the offsets before mean nothing now. */
    REWRITTEN(4409, false),
    /** The offset asked for is past the end of the log. */
    PAST_END(4416, false),
    /** The server is stopping (Ctrl-C): reconnect later. */
    GOING_AWAY(1001, true);

    private final int code;
    private final boolean retry;

    CloseCode(int code, boolean retry) {
        this.code = code;
        this.retry = retry;
    }

    public int code() {
        return code;
    }

    /** Whether a follower should connect again after this close (else it stops and says the reason). */
    public boolean retry() {
        return retry;
    }

    /** The close code of {@code code}, or null for one the server does not send on purpose (a cut, 1006, 1011). */
    public static CloseCode of(int code) {
        for (CloseCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
