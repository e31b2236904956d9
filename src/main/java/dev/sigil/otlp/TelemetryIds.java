package dev.sigil.otlp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Trace and span ids derived from the session and the entry, so that exporting the same log twice sends the same ids
 * and a backend keeps one copy: the trace id is the first 16 bytes of SHA-256 over the session id, a span id the
 * first 8 of SHA-256 over the session id and the span's key (the unit's event id, or the number of the line that
 * opened it). Never all zeros (the invalid id). Pure.
 */
public final class TelemetryIds {

    private static final HexFormat HEX = HexFormat.of();

    private TelemetryIds() {
    }

    /** 32 lower-case hex digits. */
    public static String traceId(String sessionId) {
        return hex(digest("sigil trace\u0000" + sessionId), 16);
    }

    /** 16 lower-case hex digits. */
    public static String spanId(String sessionId, String key) {
        return hex(digest("sigil span\u0000" + sessionId + "\u0000" + key), 8);
    }

    private static String hex(byte[] digest, int length) {
        boolean zero = true;
        for (int i = 0; i < length; i++) {
            zero &= digest[i] == 0;
        }
        if (zero) {
            digest[length - 1] = 1; // 2^-64 at worst; the all-zero id is invalid in OTLP
        }
        return HEX.formatHex(digest, 0, length);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
