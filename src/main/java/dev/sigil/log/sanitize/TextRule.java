package dev.sigil.log.sanitize;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One redaction over text: a regex, a cheap test that skips strings the regex cannot match (most log text holds no
 * secret, and the regexes are the expensive part), and what a match becomes ({@code null} keeps the match as it is,
 * for look-alikes that the regex alone cannot tell apart).
 */
final class TextRule {

    private final String name;
    private final Pattern pattern;
    private final Predicate<String> mightMatch;
    private final Function<MatchResult, String> replacement;

    TextRule(String name, Pattern pattern, Predicate<String> mightMatch, Function<MatchResult, String> replacement) {
        this.name = name;
        this.pattern = pattern;
        this.mightMatch = mightMatch;
        this.replacement = replacement;
    }

    String name() {
        return name;
    }

    /** {@code text} with every match replaced; the same instance when nothing matched. */
    String apply(String text) {
        if (!mightMatch.test(text)) {
            return text;
        }
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        boolean changed = false;
        do {
            String with = replacement.apply(m);
            if (with != null && !with.equals(m.group())) {
                out.append(text, last, m.start()).append(with);
                last = m.end();
                changed = true;
            }
        } while (m.find());
        if (!changed) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }
}
