package dev.sigil.compat;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A JSON value in a form that goes to CPython without passing through the encoder under test, written by this small
 * hand-written printer: doubles as their 64-bit pattern, strings as UTF-16 code units (lone surrogates survive),
 * integers as decimal text, objects as ordered pairs. The Python side (compat-tests/python/oracle.py) reads and writes
 * the same form, so a value can be compared exactly in both directions.
 */
public final class NeutralForm {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private NeutralForm() {
    }

    public static String of(JsonNode value) {
        StringBuilder s = new StringBuilder(64);
        write(value, s);
        return s.toString();
    }

    private static void write(JsonNode v, StringBuilder s) {
        switch (v.getNodeType()) {
            case NULL -> s.append("\"n\"");
            case BOOLEAN -> s.append(v.booleanValue() ? "\"t\"" : "\"f\"");
            case NUMBER -> {
                if (v.isIntegralNumber()) {
                    s.append("[\"i\",\"").append(v.bigIntegerValue()).append("\"]");
                } else {
                    // doubleToLongBits, not the raw bits: every NaN is the one NaN CPython's json makes.
                    s.append("[\"d\",\"");
                    long bits = Double.doubleToLongBits(v.doubleValue());
                    for (int shift = 60; shift >= 0; shift -= 4) {
                        s.append(HEX[(int) (bits >>> shift) & 0xF]);
                    }
                    s.append("\"]");
                }
            }
            case STRING -> {
                s.append("[\"s\",");
                utf16(v.stringValue(), s);
                s.append(']');
            }
            case ARRAY -> {
                s.append("[\"a\",[");
                for (int i = 0; i < v.size(); i++) {
                    if (i > 0) {
                        s.append(',');
                    }
                    write(v.get(i), s);
                }
                s.append("]]");
            }
            case OBJECT -> {
                s.append("[\"o\",[");
                boolean first = true;
                for (Map.Entry<String, JsonNode> e : v.properties()) {
                    if (!first) {
                        s.append(',');
                    }
                    first = false;
                    s.append('[');
                    utf16(e.getKey(), s);
                    s.append(',');
                    write(e.getValue(), s);
                    s.append(']');
                }
                s.append("]]");
            }
            default -> throw new IllegalArgumentException("no neutral form for " + v.getNodeType());
        }
    }

    private static void utf16(String text, StringBuilder s) {
        s.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            s.append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
        }
        s.append('"');
    }
}
