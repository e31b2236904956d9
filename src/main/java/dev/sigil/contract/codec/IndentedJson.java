package dev.sigil.contract.codec;

import java.util.Iterator;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * The bytes of CPython's {@code json.dumps(value, indent=2)} followed by a newline: two-space indentation,
 * {@code ", "} becomes a line break, {@code ": "} between key and value, {@code {}} and {@code []} for empty
 * containers, scalars exactly as {@link PythonJsonWriter} writes them. For the summary files, which people read.
 */
public final class IndentedJson {

    private final PythonJsonWriter scalars;

    public IndentedJson(PythonJsonWriter scalars) {
        this.scalars = scalars;
    }

    public byte[] encode(JsonNode value) {
        ByteSink out = new ByteSink(1024);
        write(value, 0, out);
        out.write('\n');
        return out.toByteArray();
    }

    private void write(JsonNode value, int depth, ByteSink out) {
        if (value.isObject() && !value.isEmpty()) {
            out.write('{');
            Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                newline(depth + 1, out);
                scalars.write(StringNode.valueOf(e.getKey()), out);
                out.writeAscii(": ");
                write(e.getValue(), depth + 1, out);
                if (it.hasNext()) {
                    out.write(',');
                }
            }
            newline(depth, out);
            out.write('}');
        } else if (value.isArray() && !value.isEmpty()) {
            out.write('[');
            for (int i = 0; i < value.size(); i++) {
                newline(depth + 1, out);
                write(value.get(i), depth + 1, out);
                if (i + 1 < value.size()) {
                    out.write(',');
                }
            }
            newline(depth, out);
            out.write(']');
        } else {
            scalars.write(value, out);
        }
    }

    private static void newline(int depth, ByteSink out) {
        out.write('\n');
        for (int i = 0; i < depth; i++) {
            out.writeAscii("  ");
        }
    }
}
