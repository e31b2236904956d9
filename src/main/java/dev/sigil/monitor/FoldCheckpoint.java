package dev.sigil.monitor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32C;

import dev.sigil.layout.LogLayout;
import dev.sigil.log.SafeDirectory;
import dev.sigil.monitor.state.FoldImage;
import dev.sigil.monitor.state.SavedFold;

/**
 * The checkpoint of the dashboard's fold, kept beside the log ({@link LogLayout#foldCheckpointName}, ADR 0165): the
 * fold of every line of a finished log, under the log's stamp then (identity, size, a checksum of its last block:
 * {@link LogEnd}), so that opening the same log again shows it at once. A checkpoint is only a shortcut: one of
 * another version, another stamp, cut short or changed is ignored; a directory the user cannot write or does not
 * own gets none, and none is an error. Written through {@link SafeDirectory} (a temporary sibling renamed into place,
 * 0600, never through a link).
 *
 * <p>Layout: {@link #MAGIC}, the format's version ({@link #VERSION}) and the fold's ({@link FoldImage#LAYOUT}), the
 * stamp, the fold's bytes, and a CRC32C of everything before it.
 */
final class FoldCheckpoint {

    static final byte[] MAGIC = "sigil fold checkpoint\n".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** A checkpoint is a few MiB at most (the recent rows, the call tree); anything larger is not one. */
    static final long MAX_BYTES = 32L << 20;
    /** Logs smaller than this fold in a moment: no checkpoint is written beside them. */
    static final long MIN_LOG_BYTES = 1L << 20;

    private FoldCheckpoint() {
    }

    /** The fold kept beside {@code log} under {@code stamp}, if there is one that is whole and of this version. */
    static Optional<SavedFold> load(Path log, String stamp) {
        try {
            Path real = log.toRealPath();
            try (SafeDirectory dir = SafeDirectory.existingRoot(real.getParent());
                 FileChannel ch = dir.read(LogLayout.foldCheckpointName(real.getFileName().toString()))) {
                long size = ch.size();
                if (size > MAX_BYTES) {
                    return Optional.empty();
                }
                ByteBuffer all = ByteBuffer.allocate((int) size);
                while (all.hasRemaining() && ch.read(all) >= 0) {
                    // reads the whole file
                }
                return parse(all.array(), stamp);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // none, not ours, unreadable: the log is folded from its lines
        }
    }

    /** Keeps {@code fold} beside {@code log} under {@code stamp}; false (and nothing written) when it cannot be. */
    static boolean save(Path log, String stamp, SavedFold fold) {
        try {
            Path real = log.toRealPath();
            try (SafeDirectory dir = SafeDirectory.existingRoot(real.getParent())) {
                dir.replace(LogLayout.foldCheckpointName(real.getFileName().toString()), bytes(stamp, fold), false);
                return true;
            }
        } catch (IOException | RuntimeException e) {
            return false; // another user's directory, a read-only one, a full disk: read without a checkpoint next time
        }
    }

    static byte[] bytes(String stamp, SavedFold fold) {
        byte[] key = stamp.getBytes(StandardCharsets.UTF_8);
        byte[] image = FoldImage.encode(fold);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + 4 + 4 + key.length + 4 + image.length + 4);
        b.put(MAGIC).putInt(VERSION).putInt(FoldImage.LAYOUT).putInt(key.length).put(key).putInt(image.length).put(image);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** The fold {@code bytes} hold if they are a whole checkpoint of this version under {@code stamp}. */
    static Optional<SavedFold> parse(byte[] bytes, String stamp) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            byte[] magic = new byte[MAGIC.length];
            b.get(magic);
            if (!Arrays.equals(magic, MAGIC) || b.getInt() != VERSION || b.getInt() != FoldImage.LAYOUT) {
                return Optional.empty();
            }
            byte[] key = new byte[checkedLength(b.getInt(), b)];
            b.get(key);
            if (!new String(key, StandardCharsets.UTF_8).equals(stamp)) {
                return Optional.empty();
            }
            byte[] image = new byte[checkedLength(b.getInt(), b)];
            b.get(image);
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, b.position());
            if (b.remaining() != 4 || b.getInt() != (int) crc.getValue()) {
                return Optional.empty();
            }
            return Optional.of(FoldImage.decode(image));
        } catch (RuntimeException e) {
            return Optional.empty(); // cut short or changed
        }
    }

    private static int checkedLength(int n, ByteBuffer b) {
        if (n < 0 || n > b.remaining()) {
            throw new IllegalArgumentException("a length beyond the end");
        }
        return n;
    }
}
