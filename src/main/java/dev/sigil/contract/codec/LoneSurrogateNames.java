package dev.sigil.contract.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Closes one gap between Jackson and CPython: CPython accepts a lone surrogate escape ({@code "\ud800"}) in a
 * property name, Jackson 3 refuses it there (in values it accepts it). When a line fails, the names holding lone
 * surrogates are replaced by unique plain placeholders, the line is parsed again, and the placeholders are renamed
 * back in the tree. Names equal after decoding share a placeholder, so duplicate keys keep CPython's dict semantics.
 * Rare by nature, so it costs nothing on the normal path.
 */
final class LoneSurrogateNames {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A rewritten line, the names to restore, and where each replaced name was, to map error offsets back. */
    record Rewrite(byte[] bytes, Map<String, String> names, int[] originalStarts, int[] originalEnds, int[] rewrittenEnds) {

        /** The offset in the original line (relative to its start) of an offset in the rewritten bytes. */
        int originalOffset(long rewritten) {
            int shift = 0;
            for (int i = 0; i < rewrittenEnds.length && rewrittenEnds[i] <= rewritten; i++) {
                shift = originalEnds[i] - rewrittenEnds[i];
            }
            return (int) Math.max(0, rewritten + shift);
        }

        /** The tree with every placeholder renamed to its real name, key order unchanged. */
        JsonNode restore(JsonNode value) {
            if (value instanceof ArrayNode a) {
                for (int i = 0; i < a.size(); i++) {
                    JsonNode child = a.get(i);
                    if (child.isContainer()) {
                        a.set(i, restore(child));
                    }
                }
                return a;
            }
            if (value instanceof ObjectNode o) {
                ObjectNode renamed = NODES.objectNode();
                for (Map.Entry<String, JsonNode> e : o.properties()) {
                    renamed.set(names.getOrDefault(e.getKey(), e.getKey()), restore(e.getValue()));
                }
                return renamed;
            }
            return value;
        }
    }

    private LoneSurrogateNames() {
    }

    /**
     * The rewrite of {@code bytes[from, to)}, or null if no name holds a lone surrogate. A broken line is rewritten
     * up to where it breaks (an unterminated string), and in a name CPython refuses anyway (a bad escape, a raw
     * control character) each lone surrogate escape becomes {@code \ufffd}, of the same length: the parse of the
     * rewrite then reports the real problem, at its real column.
     */
    static Rewrite rewrite(byte[] bytes, int from, int to) {
        List<int[]> spans = new ArrayList<>();
        List<String> decoded = new ArrayList<>();
        int i = from;
        while (i < to) {
            if (bytes[i] != '"') {
                i++;
                continue;
            }
            int start = i++;
            while (i < to && bytes[i] != '"') {
                i += bytes[i] == '\\' ? 2 : 1;
            }
            if (i >= to) {
                break;
            }
            int end = ++i;
            int k = end;
            while (k < to && (bytes[k] == ' ' || bytes[k] == '\t' || bytes[k] == '\r' || bytes[k] == '\n')) {
                k++;
            }
            if (k < to && bytes[k] == ':') {
                spans.add(new int[] {start, end});
                decoded.add(decode(bytes, start + 1, end - 1));
            }
        }
        return build(bytes, from, to, spans, decoded);
    }

    private static Rewrite build(byte[] bytes, int from, int to, List<int[]> spans, List<String> decoded) {
        Set<String> taken = new HashSet<>();
        decoded.forEach(name -> taken.add(name == null ? "" : name));
        Map<String, String> placeholderOf = new LinkedHashMap<>();
        Map<String, String> realName = new LinkedHashMap<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from + 64);
        List<int[]> replaced = new ArrayList<>();
        int copied = from;
        boolean changed = false;
        for (int n = 0; n < spans.size(); n++) {
            String name = decoded.get(n);
            int[] span = spans.get(n);
            if (name == null) {
                out.write(bytes, copied, span[0] - copied);
                changed |= neutralize(bytes, span[0], span[1], out);
                copied = span[1];
                continue;
            }
            if (!hasLoneSurrogate(name)) {
                continue;
            }
            String placeholder = placeholderOf.computeIfAbsent(name, x -> {
                String p = "~sigil-name-" + placeholderOf.size() + "~";
                while (taken.contains(p)) {
                    p += "~";
                }
                taken.add(p);
                realName.put(p, x);
                return p;
            });
            out.write(bytes, copied, span[0] - copied);
            out.writeBytes(('"' + placeholder + '"').getBytes(StandardCharsets.US_ASCII));
            copied = span[1];
            replaced.add(new int[] {span[0] - from, span[1] - from, out.size()});
            changed = true;
        }
        if (!changed) {
            return null;
        }
        out.write(bytes, copied, to - copied);
        int[] starts = new int[replaced.size()];
        int[] ends = new int[replaced.size()];
        int[] rewrittenEnds = new int[replaced.size()];
        for (int n = 0; n < replaced.size(); n++) {
            starts[n] = replaced.get(n)[0];
            ends[n] = replaced.get(n)[1];
            rewrittenEnds[n] = replaced.get(n)[2];
        }
        return new Rewrite(out.toByteArray(), realName, starts, ends, rewrittenEnds);
    }

    /** Copies a name token, lone surrogate escapes replaced by {@code \ufffd}; true if it replaced any. */
    private static boolean neutralize(byte[] b, int from, int to, ByteArrayOutputStream out) {
        boolean any = false;
        int i = from;
        while (i < to) {
            int unit = b[i] == '\\' && i + 1 < to && b[i + 1] == 'u' ? hex4(b, i + 2, to) : -1;
            if (unit < 0) {
                int n = b[i] == '\\' && i + 1 < to ? 2 : 1;
                out.write(b, i, n);
                i += n;
                continue;
            }
            boolean high = Character.isHighSurrogate((char) unit);
            int next = i + 6 < to && b[i + 6] == '\\' && i + 7 < to && b[i + 7] == 'u' ? hex4(b, i + 8, to) : -1;
            if (high && next >= 0 && Character.isLowSurrogate((char) next)) {
                out.write(b, i, 12);
                i += 12;
            } else if (high || Character.isLowSurrogate((char) unit)) {
                out.writeBytes("\\ufffd".getBytes(StandardCharsets.US_ASCII));
                any = true;
                i += 6;
            } else {
                out.write(b, i, 6);
                i += 6;
            }
        }
        return any;
    }

    /** The string between the quotes, decoded as CPython does; null for anything CPython would refuse. */
    static String decode(byte[] b, int from, int to) {
        StringBuilder s = new StringBuilder(to - from);
        int raw = from;
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x20) {
                return null;
            }
            if (c != '\\') {
                i++;
                continue;
            }
            s.append(new String(b, raw, i - raw, StandardCharsets.UTF_8));
            if (i + 1 >= to) {
                return null;
            }
            char e = (char) b[i + 1];
            int consumed = 2;
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    int unit = hex4(b, i + 2, to);
                    if (unit < 0) {
                        return null;
                    }
                    s.append((char) unit);
                    consumed = 6;
                }
                default -> {
                    return null;
                }
            }
            i += consumed;
            raw = i;
        }
        s.append(new String(b, raw, to - raw, StandardCharsets.UTF_8));
        return s.toString();
    }

    private static int hex4(byte[] b, int at, int to) {
        if (at + 4 > to) {
            return -1;
        }
        int v = 0;
        for (int k = at; k < at + 4; k++) {
            int d = Character.digit(b[k], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
