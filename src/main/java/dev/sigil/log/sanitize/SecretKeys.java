package dev.sigil.log.sanitize;

import java.util.regex.Pattern;

/**
 * Metadata keys that name a secret, so that their value is redacted whatever it looks like ({@code "api_key":
 * "abc"} has no {@code api_key=} in its text for a text rule to find; the seed's sanitizer misses it).
 *
 * <p>A key is first normalized: camelCase split ({@code apiKey} to {@code api_Key}), {@code -} to {@code _}, A-Z
 * lowercased. It names a secret when it is, or ends after a non-alphanumeric character with, one of the secret
 * words. {@code token} alone, {@code tokens}, {@code max_tokens} and {@code password_hint} are not secrets: in sigil
 * a token is a unit of LLM usage.
 */
final class SecretKeys {

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern SECRET = Pattern.compile("(?:[\\s\\S]*[^a-z0-9])?(?:passw(?:or)?d|passphrase|secret|(?:api|access|secret|private)_?key"
            + "|client_?secret|(?:access|refresh|auth|api|session|id)_?token|authorization)");

    private SecretKeys() {
    }

    static boolean isSecret(String key) {
        // Every secret word holds one of these; most keys hold none, and skip the regexes.
        if (!(Ascii.containsIgnoreCase(key, "pass") || Ascii.containsIgnoreCase(key, "secret") || Ascii.containsIgnoreCase(key, "key")
                || Ascii.containsIgnoreCase(key, "token") || Ascii.containsIgnoreCase(key, "authorization"))) {
            return false;
        }
        String normalized = Ascii.lower(CAMEL.matcher(key).replaceAll("_").replace('-', '_'));
        return SECRET.matcher(normalized).matches();
    }
}
