package dev.sigil.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.Metadata;
import dev.sigil.layout.LogLayout;

/**
 * Rotation under a live reader: a follower that keeps its file open, and switches to the new execution.jsonl only
 * after draining the old one once the name points elsewhere (the protocol docs/logging.md promises works), sees every
 * line exactly once, in order, whole.
 */
class RotationFollowerTest {

    @TempDir
    Path tmp;

    @Test
    void aFollowerSeesEveryLineExactlyOnceAcrossManyRotations() throws Exception {
        int count = 4_000;
        long maxSize = 8 * 1024;
        LoggerSettings settings = LoggerSettings.builder().logPath(tmp).maxFileSizeBytes(maxSize).fsync(false).build();
        ExecutionLogger logger = ExecutionLogger.builder(settings).shutdownHook(false).open("rot");
        Follower follower = new Follower(logger.logFile());
        Thread reader = new Thread(follower::run, "follower");
        reader.start();
        assertThat(follower.opened.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < count; i++) {
            logger.log(EventType.STEP_COMPLETE, Component.REASONING, "entry " + i + " " + "r".repeat(i % 150), 1,
                    Metadata.builder().put("seq", i).build());
        }
        logger.close();
        follower.writerDone.set(true);
        reader.join(30_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(follower.failure).isNull();

        List<Long> seen = follower.lines.stream().map(l -> new PythonJsonReader().read(l).at("/metadata/seq").longValue()).toList();
        assertThat(seen).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
        assertThat(logger.stats().rotations()).isGreaterThan(50);
        assertThat(follower.switches).isPositive().isLessThanOrEqualTo((int) logger.stats().rotations());
        assertThat(LogFiles.allLines(logger.sessionDirectory())).containsExactlyElementsOf(follower.lines);
        try (var files = Files.list(logger.sessionDirectory())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("execution")).toList()) {
                assertThat(Files.size(f)).as(f.toString()).isLessThanOrEqualTo(maxSize);
            }
        }
    }

    /**
     * A reader of a rotating log. It keeps its file open and follows the name; when the name points at another file,
     * it drains the old one, finds the part number the old file was renamed to, reads every later part in order
     * (several rotations may happen between two looks), then the current file.
     */
    static final class Follower {
        final Path path;
        final Path dir;
        final AtomicBoolean writerDone = new AtomicBoolean();
        final java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);
        final List<String> lines = new ArrayList<>();
        final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        final ByteBuffer buf = ByteBuffer.allocate(4096);
        int switches;
        volatile Throwable failure;
        FileChannel channel;
        Object key;
        long position;

        Follower(Path path) {
            this.path = path;
            this.dir = path.getParent();
        }

        void run() {
            try {
                openCurrent();
                opened.countDown();
                while (true) {
                    boolean done = writerDone.get();
                    if (drain()) {
                        continue;
                    }
                    Object now = keyOf(path);
                    if (now != null && !now.equals(key)) {
                        switchFiles();
                        continue;
                    }
                    if (done) {
                        return;
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000);
                }
            } catch (Throwable t) {
                failure = t;
            }
        }

        private void switchFiles() throws IOException, InterruptedException {
            drain();
            channel.close();
            endOfFile();
            int from = partWithKey(key);
            if (from < 0) {
                throw new AssertionError("the file being read was not renamed to a part");
            }
            openCurrent();
            Object current = key;
            FileChannel currentChannel = channel;
            for (Path part : partsAfter(from)) {
                if (current.equals(keyOf(part))) {
                    break;
                }
                try (FileChannel ch = FileChannel.open(part, StandardOpenOption.READ)) {
                    channel = ch;
                    position = 0;
                    drain();
                    endOfFile();
                }
            }
            channel = currentChannel;
            key = current;
            position = 0;
            switches++;
        }

        private void endOfFile() {
            if (partial.size() != 0) {
                throw new AssertionError("a file ended with a partial line: " + partial);
            }
        }

        private int partWithKey(Object k) throws IOException {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    var n = LogLayout.rotatedNumber(f.getFileName().toString());
                    if (n.isPresent() && k.equals(keyOf(f))) {
                        return n.getAsInt();
                    }
                }
            }
            return -1;
        }

        private List<Path> partsAfter(int from) throws IOException {
            try (var files = Files.list(dir)) {
                return files.filter(f -> LogLayout.rotatedNumber(f.getFileName().toString()).orElse(0) > from)
                        .sorted(java.util.Comparator.comparingInt(f -> LogLayout.rotatedNumber(f.getFileName().toString()).getAsInt()))
                        .toList();
            }
        }

        /** Opens execution.jsonl, making sure the channel and the recorded identity are the same file. */
        private void openCurrent() throws IOException, InterruptedException {
            while (true) {
                Object before = keyOf(path);
                if (before != null) {
                    try {
                        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
                        if (before.equals(keyOf(path))) {
                            channel = ch;
                            key = before;
                            position = 0;
                            return;
                        }
                        ch.close();
                    } catch (NoSuchFileException between) {
                        // Renamed between stat and open; try again.
                    }
                }
                Thread.sleep(0, 100_000);
            }
        }

        private static Object keyOf(Path p) throws IOException {
            try {
                return Objects.requireNonNull(Files.readAttributes(p, BasicFileAttributes.class).fileKey());
            } catch (NoSuchFileException renamedAway) {
                return null;
            }
        }

        /** Reads everything available; returns whether anything was. */
        private boolean drain() throws IOException {
            boolean any = false;
            int n;
            while ((n = channel.read(buf.clear(), position)) > 0) {
                any = true;
                position += n;
                for (int i = 0; i < n; i++) {
                    byte b = buf.get(i);
                    if (b == '\n') {
                        lines.add(partial.toString(StandardCharsets.US_ASCII));
                        partial.reset();
                    } else {
                        partial.write(b);
                    }
                }
            }
            return any;
        }
    }
}
