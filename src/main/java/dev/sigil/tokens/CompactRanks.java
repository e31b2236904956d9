package dev.sigil.tokens;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * cl100k_base's ranks in the form the build writes them (ADR 0265): the tokens' bytes end to end in rank order, their
 * lengths, and an open-addressing hash table from a token's bytes to its rank, so that a start reads one resource and
 * inserts nothing (jtokkit's own table is about 100,000 inserts into maps of boxed keys, twice, at every start).
 * Looking a byte range up hashes it and compares it with the few tokens of its slot. Immutable once loaded;
 * thread-safe.
 *
 * <p>The file, big-endian: {@code "BPE1"}, the number of tokens {@code n}, the table's size as a power of two, then
 * {@code n} lengths (one byte each, tokens are at most 255 bytes), the tokens' bytes, and the table's ints (rank + 1,
 * 0 for an empty slot). Ranks are 0 to {@code n - 1} in the order of the source file, which {@link #compile} checks.
 */
final class CompactRanks {

    /** The class-path resource the build writes ({@code src/codegen/CompactRanksFile.java}, with {@link #compile}). */
    static final String RESOURCE = "cl100k_base.ranks";
    /** jtokkit's own copy of the ranks (tiktoken's file), the source of {@link #RESOURCE}. */
    static final String SOURCE = "/com/knuddels/jtokkit/cl100k_base.tiktoken";

    private static final int MAGIC = 0x42504531; // "BPE1"
    private static final int HEADER = 12;

    /** The resource's bytes: the tokens are read where they lie in it. */
    private final byte[] file;
    /** Where each token's bytes start in {@link #file}; token {@code r} ends where {@code r + 1} starts. */
    private final int[] starts;
    private final int[] table;
    private final int mask;
    /** Rank of each two-byte token by its bytes ({@code b0 << 8 | b1}), -1 where none: the most frequent look-up. */
    private final int[] pairs;

    private CompactRanks(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file);
        if (in.getInt() != MAGIC) {
            throw new IllegalStateException(RESOURCE + " is not a rank table");
        }
        int n = in.getInt();
        int bits = in.getInt();
        this.file = file;
        this.starts = new int[n + 1];
        this.pairs = new int[1 << 16];
        Arrays.fill(pairs, -1);
        // one pass (it runs in the interpreter at every start): where each token starts, and the two-byte ones
        int at = HEADER + n;
        for (int r = 0; r < n; r++) {
            starts[r] = at;
            int length = file[HEADER + r];
            if (length == 2) {
                pairs[(file[at] & 0xff) << 8 | file[at + 1] & 0xff] = r;
            }
            at += length & 0xff;
        }
        starts[n] = at;
        this.table = new int[1 << bits];
        in.position(at);
        in.asIntBuffer().get(table);
        this.mask = table.length - 1;
    }

    /** The table of the class-path resource {@link #RESOURCE}. */
    static CompactRanks load() {
        try (InputStream in = CompactRanks.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar holds no " + RESOURCE);
            }
            return new CompactRanks(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of tokens. */
    int size() {
        return starts.length - 1;
    }

    /** The rank of the token whose bytes are {@code bytes[from, from + length)}, or -1 if there is none. */
    int rank(byte[] bytes, int from, int length) {
        if (length == 2) {
            return pairs[(bytes[from] & 0xff) << 8 | bytes[from + 1] & 0xff];
        }
        for (int slot = hash(bytes, from, length) & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            int r = entry - 1;
            int s = starts[r];
            if (starts[r + 1] - s == length && Arrays.equals(file, s, s + length, bytes, from, from + length)) {
                return r;
            }
        }
    }

    /** The bytes of token {@code rank}. */
    byte[] bytes(int rank) {
        return Arrays.copyOfRange(file, starts[rank], starts[rank + 1]);
    }

    /** FNV-1a over the range, then spread (the table's index is its low bits). */
    static int hash(byte[] bytes, int from, int length) {
        int h = 0x811c9dc5;
        for (int i = from; i < from + length; i++) {
            h = (h ^ (bytes[i] & 0xff)) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }

    /**
     * The resource's bytes made from tiktoken's file (one {@code BASE64 RANK} line per token, ranks 0, 1, 2...): run
     * by the build, and by the test that checks the jar's copy.
     */
    static byte[] compile(BufferedReader tiktoken) throws IOException {
        ByteArrayOutputStream tokens = new ByteArrayOutputStream();
        ByteArrayOutputStream lengths = new ByteArrayOutputStream();
        List<byte[]> all = new ArrayList<>();
        for (String line = tiktoken.readLine(); line != null; line = tiktoken.readLine()) {
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            byte[] token = Base64.getDecoder().decode(line.substring(0, space).getBytes(StandardCharsets.US_ASCII));
            if (Integer.parseInt(line.substring(space + 1)) != all.size() || token.length == 0 || token.length > 255) {
                throw new IllegalArgumentException("rank file line " + (all.size() + 1) + ": ranks must be 0, 1, 2... and tokens 1-255 bytes");
            }
            all.add(token);
            lengths.write(token.length);
            tokens.write(token);
        }
        for (int b = 0; b < 256; b++) {
            byte[] one = {(byte) b};
            if (all.stream().noneMatch(t -> Arrays.equals(t, one))) {
                throw new IllegalArgumentException("rank file: byte " + b + " is no token (every byte must be one)");
            }
        }
        int bits = 32 - Integer.numberOfLeadingZeros(all.size() - 1) + 1; // a quarter to a half full
        int[] table = new int[1 << bits];
        for (int r = 0; r < all.size(); r++) {
            byte[] t = all.get(r);
            int slot = hash(t, 0, t.length) & (table.length - 1);
            while (table[slot] != 0) {
                slot = (slot + 1) & (table.length - 1);
            }
            table[slot] = r + 1;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(all.size());
            out.writeInt(bits);
            lengths.writeTo(out);
            tokens.writeTo(out);
            for (int slot : table) {
                out.writeInt(slot);
            }
        }
        return bytes.toByteArray();
    }
}
