package dev.sigil.remote.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may read: with a token, every HTTP request and every upgrade must carry it, as {@code Authorization: Bearer
 * TOKEN} or, for clients that cannot set headers on a WebSocket (browsers), {@code ?token=TOKEN}; compared in constant
 * time. Without one (loopback, or {@code --insecure}) anyone who reaches the port may.
 */
final class Access {

    private final byte[] token;

    /** @param token the token, or null for none */
    Access(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a request with this {@code Authorization} header and {@code token} query value may read. */
    boolean allows(String authorization, String queryToken) {
        if (token == null) {
            return true;
        }
        String given = null;
        if (authorization != null && authorization.startsWith("Bearer ")) {
            given = authorization.substring("Bearer ".length());
        } else if (queryToken != null) {
            given = queryToken;
        }
        // isEqual does not stop at the first difference; a missing token is compared too, so both take as long.
        byte[] g = given == null ? new byte[0] : given.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(g, token) && given != null;
    }
}
