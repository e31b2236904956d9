package dev.sigil.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32C;

import dev.sigil.tail.FileStamp;
import dev.sigil.tail.FileTailSource;

/**
 * Which bytes a cached total was made from: the file's identity and size, as the tailer stamps it
 * ({@link FileStamp}: one {@code stat}), and a CRC-32C of its last {@link #TAIL_BYTES} (a log rewritten to the same
 * size, or cut and written again, is told apart). The change time is left out: it moves when the file is only
 * looked after (permissions, a backup tool), and a different size or last block is what makes a total stale.
 *
 * @param name the file's name in its directory
 * @param key its identity key (device and inode where the platform has them)
 * @param size its size in bytes
 * @param tail the CRC-32C of its last bytes, in hexadecimal
 */
record LogIdentity(String name, String key, long size, String tail) {

    static final int TAIL_BYTES = 4096;

    /** The identity of {@code file} now; empty when it cannot be read (it is then read, and not cached). */
    static Optional<LogIdentity> of(Path file) {
        FileStamp stamp = new FileTailSource(file).stampAtName();
        if (stamp == null) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long from = Math.max(0, stamp.size() - TAIL_BYTES);
            ByteBuffer buf = ByteBuffer.allocate((int) (stamp.size() - from));
            while (buf.hasRemaining() && ch.read(buf, from + buf.position()) > 0) {
                // read up to the stamped size
            }
            CRC32C crc = new CRC32C();
            crc.update(buf.array(), 0, buf.position());
            return Optional.of(new LogIdentity(file.getFileName().toString(), stamp.key().toString(), stamp.size(),
                    Long.toHexString(crc.getValue())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
