package dev.sigil.log.sanitize;

import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The built-in redactions, in the order they run. docs/logging.md ("Sanitization") lists each with the look-alikes
 * it keeps; compat-tests/python/reference_logger.py implements the same rules independently and the compat test
 * checks that both agree byte for byte.
 *
 * <p>The regexes are written to mean the same in Java and in Python's {@code re} with {@code re.ASCII}: no
 * {@code \b}, {@code \w} or {@code .} (their meaning differs between the two), ASCII classes only, fixed-width
 * look-behinds.
 */
final class BuiltInRules {

    static final String REDACTED = "***REDACTED***";
    static final String API_KEY = "***API_KEY***";
    static final String CARD_NUMBER = "***CARD_NUMBER***";
    static final String EMAIL = "***EMAIL***";

    /** {@code scheme://user:password@host}: the password goes, user and host stay. */
    static final Pattern URL_CREDENTIALS = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^\\s/:@]*:)([^\\s/@]+)@");

    /** Words that name a secret when a value is assigned to them ({@code password=...}, {@code "api_key": "..."}). */
    static final String SECRET_WORDS = "api[_-]?key|access[_-]?key|secret[_-]?key|private[_-]?key|client[_-]?secret"
            + "|passw(?:or)?d|passphrase|secret|(?:access|refresh|auth|api|session|id)[_-]?token|authorization";

    /**
     * A secret word, an optional quote, {@code :}, {@code =} or {@code :=} (not {@code ==}, {@code !=}, {@code <=}),
     * an optional auth scheme, then the value: quoted, or bare up to whitespace, a quote or {@code , ; & ) ] }}.
     */
    static final Pattern ASSIGNMENT = Pattern.compile("((?:" + SECRET_WORDS + ")[\"']?[ \\t]*(?::=|[:=](?!=))[ \\t]*)"
            + "((?:bearer|basic|token|digest)[ \\t]+)?(?:\"([^\"\\r\\n]*)\"|'([^'\\r\\n]*)'|([^\\s\"',;&)\\]}]+))",
            Pattern.CASE_INSENSITIVE);

    /** {@code Bearer <credential>}: 16 or more token characters, so "the bearer of bad news" stays. */
    static final Pattern BEARER = Pattern.compile("(?<![A-Za-z0-9_-])(bearer[ \\t]+)[A-Za-z0-9._~+/-]{16,}=*", Pattern.CASE_INSENSITIVE);

    /** {@code sk-} keys (OpenAI, Anthropic, ...), including {@code sk-proj-...}; not inside words like {@code task-...}. */
    static final Pattern SK_KEY = Pattern.compile("(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{20,}", Pattern.CASE_INSENSITIVE);

    /**
     * 16 digits, plain or grouped 4-4-4-4 by one space or dash, first digit 2-6 (the card networks' ranges), not
     * part of a longer number, a decimal fraction or a word; redacted only when the Luhn checksum holds.
     */
    static final Pattern CARD = Pattern.compile("(?<![0-9A-Za-z_])(?<![0-9][.,])([2-6][0-9]{3})([ -]?)([0-9]{4})\\2([0-9]{4})\\2([0-9]{4})"
            + "(?![0-9A-Za-z_])(?![.,][0-9])");

    /** An address with a dotted domain and a letters-only top-level label; {@code logo@2x.png} stays. */
    static final Pattern EMAIL_ADDRESS = Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*"
            + "\\.([A-Za-z]{2,})(?![A-Za-z0-9-])");

    /** Image file extensions: {@code icon@2x.png} is a file name, not an address. */
    static final Set<String> FILE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif", "tiff");

    /** Values that say no secret is there: left as they are. */
    private static final Pattern EMPTY_VALUE = Pattern.compile("null|none|nil|undefined|true|false|\\**|\\*{3}[A-Z_]+\\*{3}", Pattern.CASE_INSENSITIVE);

    private BuiltInRules() {
    }

    static List<TextRule> all() {
        return List.of(
                new TextRule("url-credentials", URL_CREDENTIALS, s -> s.contains("://"), BuiltInRules::urlCredentials),
                new TextRule("assignment", ASSIGNMENT, BuiltInRules::mayHoldAssignment, BuiltInRules::assignment),
                new TextRule("bearer", BEARER, s -> Ascii.containsIgnoreCase(s, "bearer"), m -> m.group(1) + REDACTED),
                new TextRule("sk-key", SK_KEY, s -> Ascii.containsIgnoreCase(s, "sk-"), m -> API_KEY),
                new TextRule("card-number", CARD, s -> Ascii.digitCount(s) >= 16, BuiltInRules::card),
                new TextRule("email", EMAIL_ADDRESS, s -> s.indexOf('@') >= 0, BuiltInRules::email));
    }

    /** True when a value is empty, a null-like word or a mask: nothing to hide. */
    static boolean holdsNoSecret(String value) {
        return EMPTY_VALUE.matcher(value).matches();
    }

    private static String urlCredentials(MatchResult m) {
        return holdsNoSecret(m.group(2)) ? null : m.group(1) + REDACTED + "@";
    }

    private static boolean mayHoldAssignment(String s) {
        return (s.indexOf(':') >= 0 || s.indexOf('=') >= 0)
                && (Ascii.containsIgnoreCase(s, "pass") || Ascii.containsIgnoreCase(s, "secret") || Ascii.containsIgnoreCase(s, "key")
                || Ascii.containsIgnoreCase(s, "token") || Ascii.containsIgnoreCase(s, "authorization"));
    }

    private static String assignment(MatchResult m) {
        String quote;
        String value;
        if (m.group(3) != null) {
            quote = "\"";
            value = m.group(3);
        } else if (m.group(4) != null) {
            quote = "'";
            value = m.group(4);
        } else {
            quote = "";
            value = m.group(5);
        }
        if (holdsNoSecret(value)) {
            return null;
        }
        String scheme = m.group(2) == null ? "" : m.group(2);
        return m.group(1) + scheme + quote + REDACTED + quote;
    }

    private static String card(MatchResult m) {
        String digits = m.group(1) + m.group(3) + m.group(4) + m.group(5);
        return Luhn.valid(digits) ? CARD_NUMBER : null;
    }

    private static String email(MatchResult m) {
        return FILE_EXTENSIONS.contains(Ascii.lower(m.group(1))) ? null : EMAIL;
    }
}
