package dev.sigil.cost;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How genai-prices decides that a name is a model's or a provider's: text comparisons that ignore case, a regular
 * expression (JavaScript's, on the lower-cased name, case kept), and their combinations. Immutable.
 */
public sealed interface MatchRule {

    /** Whether {@code name} (already lower-cased and trimmed as the caller does) matches. */
    boolean matches(String name);

    /** The rule in words, for {@code sigil prices --explain}: {@code starts with "claude-opus-4"}. */
    String describe();

    /** The name in lower case, as JavaScript's {@code toLowerCase()} writes it (locale independent). */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** A comparison of texts, ignoring case. */
    enum Op {
        EQUALS("equals", String::equals),
        STARTS_WITH("starts with", String::startsWith),
        ENDS_WITH("ends with", String::endsWith),
        CONTAINS("contains", String::contains);

        private final String words;
        private final java.util.function.BiPredicate<String, String> test;

        Op(String words, java.util.function.BiPredicate<String, String> test) {
            this.words = words;
            this.test = test;
        }
    }

    /** The name compared with {@code text} by {@code op}, both lower-cased. */
    record Text(Op op, String text) implements MatchRule {
        @Override
        public boolean matches(String name) {
            return op.test.test(lower(name), lower(text));
        }

        @Override
        public String describe() {
            return op.words + " \"" + text + "\"";
        }
    }

    /** A JavaScript regular expression, searched for anywhere in the name as {@code RegExp.test} does. */
    record Regex(String source, Pattern pattern) implements MatchRule {
        public static Regex of(String source) {
            return new Regex(source, JsRegex.compile(source));
        }

        @Override
        public boolean matches(String name) {
            return pattern.matcher(name).find();
        }

        @Override
        public String describe() {
            return "matches /" + source + "/";
        }
    }

    record Or(List<MatchRule> any) implements MatchRule {
        public Or {
            any = List.copyOf(any);
        }

        @Override
        public boolean matches(String name) {
            return any.stream().anyMatch(r -> r.matches(name));
        }

        /** The first of the alternatives that matches {@code name}, or this rule when none does. */
        MatchRule which(String name) {
            for (MatchRule r : any) {
                if (r.matches(name)) {
                    return r instanceof Or or ? or.which(name) : r;
                }
            }
            return this;
        }

        @Override
        public String describe() {
            return "any of: " + String.join("; ", any.stream().map(MatchRule::describe).toList());
        }
    }

    record And(List<MatchRule> all) implements MatchRule {
        public And {
            all = List.copyOf(all);
        }

        @Override
        public boolean matches(String name) {
            return all.stream().allMatch(r -> r.matches(name));
        }

        @Override
        public String describe() {
            return "all of: " + String.join("; ", all.stream().map(MatchRule::describe).toList());
        }
    }

    /** The part of {@code rule} that made {@code name} match, in words: for an {@code or}, the alternative that did. */
    static String why(MatchRule rule, String name) {
        return rule instanceof Or or ? or.which(name).describe() : rule.describe();
    }
}
