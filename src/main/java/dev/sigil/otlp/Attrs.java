package dev.sigil.otlp;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Attributes of a span or a log record, in the order they were added: values are {@code String}, {@code Long},
 * {@code Double} or {@code Boolean}, the types OTLP carries. Immutable once built.
 *
 * @param values name to value
 */
public record Attrs(Map<String, Object> values) {

    public static final Attrs EMPTY = new Attrs(Map.of());

    public Attrs {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Object get(String name) {
        return values.get(name);
    }

    /** Builds attributes; empty texts are left out, as an absent attribute says the same with fewer bytes. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        public Builder text(String name, String value) {
            if (value != null && !value.isEmpty()) {
                values.put(name, value);
            }
            return this;
        }

        public Builder number(String name, long value) {
            values.put(name, value);
            return this;
        }

        /** {@code value} when it is not 0. */
        public Builder count(String name, long value) {
            if (value != 0) {
                values.put(name, value);
            }
            return this;
        }

        public Builder real(String name, double value) {
            values.put(name, value);
            return this;
        }

        /** Money as a double (OTLP has no decimal): the nearest double to the exact amount. */
        public Builder money(String name, BigDecimal value) {
            values.put(name, value.doubleValue());
            return this;
        }

        public Builder flag(String name, boolean value) {
            values.put(name, value);
            return this;
        }

        public Builder all(Attrs other) {
            values.putAll(other.values);
            return this;
        }

        public Attrs build() {
            return new Attrs(values);
        }
    }
}
