package dev.sigil.remote.serve;

import dev.sigil.remote.CloseCode;

/** An offset from a client: absent is 0, else digits only, at most 18 of them. */
final class Offsets {

    private Offsets() {
    }

    static long parse(String text) throws SessionLogs.Refused {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        if (text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SessionLogs.Refused(CloseCode.BAD_REQUEST, "the offset must be a number of bytes, 0 or more, not '"
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
        }
        return Long.parseLong(text);
    }
}
