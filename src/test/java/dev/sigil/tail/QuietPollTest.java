package dev.sigil.tail;

import static dev.sigil.tail.EventLog.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The idle poll on real files: a file whose stamp (key, size, change time) stays the same is only read on from its
 * offset once its last change is old enough ({@link NameFollower#SETTLED}); until then, and whenever the stamp moves,
 * every poll checks it properly.
 */
class QuietPollTest {

    @TempDir
    Path dir;

    private final EventLog log = new EventLog();
    private Path file;
    private OpeningsCounted source;

    @BeforeEach
    void writeTheLog() throws IOException {
        file = dir.resolve("execution.jsonl");
        Files.writeString(file, line("a1") + line("a2"));
        source = new OpeningsCounted(new FileTailSource(file));
    }

    private Tailer tailerAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new Tailer(source, TailOptions.defaults().withClock(clock), log);
    }

    private Instant changed() throws IOException {
        return ((FileTime) Files.getAttribute(file, "unix:ctime")).toInstant();
    }

    /** Opens of the name made by {@code polls} polls. */
    private int opensDuring(Tailer t, int polls) {
        int before = source.opens;
        for (int i = 0; i < polls; i++) {
            t.poll();
        }
        return source.opens - before;
    }

    @Test
    void aFileChangedLongEnoughAgoIsNoLongerOpenedOnEveryPoll() throws IOException {
        try (Tailer t = tailerAt(changed().plus(NameFollower.SETTLED))) {
            t.poll(); // opens it and reads it
            t.poll(); // checks it properly, finds it as it was: its stamp is kept
            assertThat(opensDuring(t, 5)).isZero();
            assertThat(log.text()).containsExactly("a1", "a2");
        }
    }

    @Test
    void aRecentChangeIsNotTrustedAndEveryPollChecksTheFileProperly() throws IOException {
        try (Tailer t = tailerAt(changed().plus(NameFollower.SETTLED).minus(Duration.ofMillis(100)))) {
            t.poll();
            assertThat(opensDuring(t, 5)).isEqualTo(5);
            assertThat(log.text()).containsExactly("a1", "a2");
        }
    }

    @Test
    void linesAppendedToASettledFileAreRead() throws IOException {
        try (Tailer t = tailerAt(changed().plus(Duration.ofHours(1)))) {
            t.poll();
            t.poll();
            assertThat(opensDuring(t, 1)).isZero();
            Files.write(file, line("a3").getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
            t.poll();
            assertThat(log.text()).containsExactly("a1", "a2", "a3");
        }
    }

    @Test
    void aRewriteOfTheSameSizeAfterTheFileSettledIsSeen() throws IOException, InterruptedException {
        Instant before = changed();
        try (Tailer t = tailerAt(before.plus(Duration.ofHours(1)))) {
            t.poll();
            t.poll();
            assertThat(opensDuring(t, 1)).isZero();
            // Same size, other bytes, in place (same inode), and a change time the file system has moved on.
            byte[] rewritten = (line("b1") + line("b2")).getBytes(StandardCharsets.UTF_8);
            do {
                Thread.sleep(5);
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                    raf.write(rewritten);
                }
            } while (changed().equals(before));
            t.poll();
            assertThat(log.text()).containsExactly("a1", "a2", "REPLACED", "b1", "b2");
        }
    }

    @Test
    void aTouchMakesThePollLookProperlyAndReadsNothingAgain() throws IOException, InterruptedException {
        Instant before = changed();
        try (Tailer t = tailerAt(before.plus(Duration.ofHours(1)))) {
            t.poll();
            t.poll();
            do {
                Thread.sleep(5);
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            } while (changed().equals(before));
            assertThat(opensDuring(t, 1)).isEqualTo(1);
            assertThat(opensDuring(t, 3)).isZero();
            assertThat(log.text()).containsExactly("a1", "a2");
        }
    }

    /** The file source, counting how often the name is opened (every proper check opens it). */
    private static final class OpeningsCounted implements TailSource {
        private final FileTailSource real;
        int opens;

        OpeningsCounted(FileTailSource real) {
            this.real = real;
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public Object keyAtName() throws IOException {
            return real.keyAtName();
        }

        @Override
        public FileStamp stampAtName() {
            return real.stampAtName();
        }

        @Override
        public Handle open() throws IOException {
            opens++;
            return real.open();
        }

        @Override
        public List<Handle> openPartsAfter(Object key) throws IOException {
            return real.openPartsAfter(key);
        }

        @Override
        public List<Handle> openParts() throws IOException {
            return real.openParts();
        }
    }
}
