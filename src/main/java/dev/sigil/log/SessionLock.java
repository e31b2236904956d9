package dev.sigil.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.sigil.layout.LogLayout;

/**
 * One writer per session: an exclusive {@link FileChannel#tryLock} on {@code sessions/<id>/.lock}, held until the
 * logger closes. The operating system releases it when the process dies, so a crashed writer never leaves a stale
 * lock. The file holds the holder's pid for the refusal message; it is never deleted (deleting a lock file races with
 * the next writer opening it).
 */
public final class SessionLock implements Closeable {

    private final FileChannel channel;
    private final FileLock lock;

    private SessionLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the session in {@code sessionDir}.
     *
     * @throws SessionLockedException if another logger (here or in another process) holds it
     */
    public static SessionLock acquire(SafeDirectory sessionDir, String sessionId) throws IOException {
        return tryAcquire(sessionDir).orElseThrow(() -> new SessionLockedException("session '" + sessionId
                + "' is already being written by another logger" + holder(sessionDir) + "; one writer per session: "
                + "wait for it to finish, or use another session id"));
    }

    /** The lock if it is free, empty if someone holds it. */
    public static Optional<SessionLock> tryAcquire(SafeDirectory sessionDir) throws IOException {
        FileChannel ch = sessionDir.update(LogLayout.LOCK);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            ch.close();
            return Optional.empty();
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        return Optional.of(new SessionLock(ch, lock));
    }

    /** Whether a logger holds the session's lock, without creating or writing the lock file (for dry runs). */
    public static boolean isHeld(SafeDirectory sessionDir) throws IOException {
        if (!sessionDir.exists(LogLayout.LOCK)) {
            return false;
        }
        try (FileChannel ch = sessionDir.writeExisting(LogLayout.LOCK)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException sameProcess) {
            return true;
        }
    }

    private static String holder(SafeDirectory sessionDir) {
        try (FileChannel ch = sessionDir.read(LogLayout.LOCK)) {
            ByteBuffer buf = ByteBuffer.allocate(32);
            ch.read(buf, 0);
            String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
            if (pid.matches("[0-9]{1,10}")) {
                return " (process " + pid + (pid.equals(Long.toString(ProcessHandle.current().pid())) ? ", this one" : "")
                        + ", lock " + sessionDir.resolve(LogLayout.LOCK) + ")";
            }
        } catch (IOException | RuntimeException ignored) {
            // The pid is only a courtesy in the message.
        }
        return " (lock " + sessionDir.resolve(LogLayout.LOCK) + ")";
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
