package dev.sigil.remote.serve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sigil.monitor.LogLocator;
import dev.sigil.monitor.state.SessionChoice;

/**
 * The sessions under the log root with what the picker says of each (status, task, start, tokens), read again only
 * for a session whose log changed, or that was running (its status turns to incomplete after a quiet minute): a
 * look each second costs a directory listing, not a read of every log. One per server, shared by its streams and
 * {@code GET /sessions}.
 */
final class SessionList {

    private final LogLocator locator;
    private final Map<String, SessionChoice> known = new HashMap<>();

    SessionList(LogLocator locator) {
        this.locator = locator;
    }

    /** The sessions now, the most recently written first. */
    synchronized List<SessionChoice> now(long nowMillis) {
        List<SessionChoice> plain = locator.sessions();
        Map<String, SessionChoice> seen = new HashMap<>();
        List<SessionChoice> out = new java.util.ArrayList<>(plain.size());
        for (SessionChoice p : plain) {
            SessionChoice before = known.get(p.id());
            boolean same = before != null && before.sizeBytes() == p.sizeBytes() && before.modifiedMillis() == p.modifiedMillis()
                    && !before.status().equals("running");
            SessionChoice c = same ? before : locator.digest(p, nowMillis);
            seen.put(c.id(), c);
            out.add(c);
        }
        known.clear();
        known.putAll(seen);
        return out;
    }
}
