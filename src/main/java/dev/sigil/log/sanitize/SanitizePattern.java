package dev.sigil.log.sanitize;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An extra pattern to redact, from the configuration ({@code logging.additional_patterns}).
 *
 * <p>The regex is Java syntax, matched case-insensitively (ASCII case only), like the seed's {@code re.IGNORECASE};
 * the replacement is literal text ({@code $1} and {@code \1} are not group references), so a pattern can never
 * re-insert the secret it matched.
 *
 * @param regex what to find
 * @param replacement what every match becomes
 */
public record SanitizePattern(String regex, String replacement) {

    /** The replacement used when the configuration gives none. */
    public static final String DEFAULT_REPLACEMENT = "***REDACTED***";

    /**
     * @throws IllegalArgumentException naming the pattern and the syntax error
     */
    public SanitizePattern {
        Objects.requireNonNull(regex, "regex");
        Objects.requireNonNull(replacement, "replacement");
        if (regex.isEmpty()) {
            throw new IllegalArgumentException("an extra sanitization pattern is empty");
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("extra sanitization pattern '" + regex + "' is not a valid regex: " + e.getDescription(), e);
        }
    }

    /** A pattern replaced by {@link #DEFAULT_REPLACEMENT}. */
    public static SanitizePattern of(String regex) {
        return new SanitizePattern(regex, DEFAULT_REPLACEMENT);
    }

    Pattern compile() {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }
}
