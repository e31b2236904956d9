package dev.sigil.contract.validation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@link FastSchemaCheck} as bytes, so that the contract's can be compiled when sigil is built and read at start
 * without parsing the schema (ADR 0215): the schema's 18 KB through Jackson, and the compilation, took most of what
 * {@code sigil validate} of a short log did beyond the JVM's start. The bytes hold the rule tree and the count of the
 * top-level required properties; member checks are named by their definition and given again when read.
 * {@code CompiledSchemaFileTest} proves that the bytes in the jar are those the bundled schema compiles to now.
 */
final class CompiledSchemaFile {

    /** The first bytes of the file: its format, changed whenever the layout below changes. */
    private static final int MAGIC = 0x53464331; // "SFC1"

    private CompiledSchemaFile() {
    }

    /** What a file holds. */
    record Compiled(FastSchemaCheck check, int requiredCount) {
    }

    static byte[] encode(FastSchemaCheck check, int requiredCount) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(requiredCount);
            write(out, check.root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The check and count held by {@code bytes}, with the member checks named in it taken from {@code checks}.
     *
     * @throws IllegalArgumentException if the bytes are not such a file, or name a check not given
     */
    static Compiled decode(byte[] bytes, Map<String, FastSchemaCheck.MemberCheck> checks) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a compiled schema of this version");
            }
            int required = in.readInt();
            FastSchemaRule root = read(in, checks);
            if (in.read() != -1) {
                throw new IllegalArgumentException("bytes after the compiled schema");
            }
            return new Compiled(FastSchemaCheck.of(root), required);
        } catch (IOException e) {
            throw new IllegalArgumentException("a truncated compiled schema", e);
        }
    }

    private static void write(DataOutputStream out, FastSchemaRule r) throws IOException {
        out.writeInt(r.types);
        writeByteArrays(out, r.enumValues);
        writeString(out, r.pattern == null ? null : r.pattern.pattern());
        writeLong(out, r.minimum);
        writeLong(out, r.maximum);
        writeByteArrays(out, r.names);
        for (FastSchemaRule p : r.properties) {
            write(out, p);
        }
        out.writeLong(r.required);
        out.writeBoolean(r.additional);
        out.writeBoolean(r.checksMembers);
        writeString(out, r.checkName);
        out.writeInt(r.slots.length);
        for (int s : r.slots) {
            out.writeInt(s);
        }
    }

    private static FastSchemaRule read(DataInputStream in, Map<String, FastSchemaCheck.MemberCheck> checks) throws IOException {
        FastSchemaRule r = new FastSchemaRule();
        r.types = in.readInt();
        r.enumValues = readByteArrays(in);
        String pattern = readString(in);
        if (pattern != null) {
            r.pattern = Pattern.compile(pattern);
            r.known = KnownPatterns.forSource(pattern);
        }
        r.minimum = readLong(in);
        r.maximum = readLong(in);
        r.names = readByteArrays(in);
        r.properties = new FastSchemaRule[r.names.length];
        for (int i = 0; i < r.properties.length; i++) {
            r.properties[i] = read(in, checks);
        }
        r.required = in.readLong();
        r.additional = in.readBoolean();
        r.checksMembers = in.readBoolean();
        r.checkName = readString(in);
        if (r.checkName != null) {
            r.check = checks.get(r.checkName);
            if (r.check == null) {
                throw new IllegalArgumentException("the compiled schema names a check not given: " + r.checkName);
            }
        }
        r.slots = new int[in.readInt()];
        for (int i = 0; i < r.slots.length; i++) {
            r.slots[i] = in.readInt();
        }
        return r;
    }

    private static void writeByteArrays(DataOutputStream out, byte[][] values) throws IOException {
        out.writeInt(values == null ? -1 : values.length);
        if (values != null) {
            for (byte[] v : values) {
                out.writeInt(v.length);
                out.write(v);
            }
        }
    }

    private static byte[][] readByteArrays(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[][] values = new byte[n][];
        for (int i = 0; i < n; i++) {
            values[i] = in.readNBytes(in.readInt());
        }
        return values;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeLong(DataOutputStream out, Long v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeLong(v);
        }
    }

    private static Long readLong(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }
}
