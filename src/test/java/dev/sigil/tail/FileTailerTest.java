package dev.sigil.tail;

import static dev.sigil.tail.EventLog.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tailer on real files: each rotation and fault of docs/reliability.md as the file system really does it. */
class FileTailerTest {

    @TempDir
    Path dir;

    private final EventLog log = new EventLog();
    private final TailOptions options = TailOptions.defaults().withRotateWaitPolls(3);

    private Tailer tailer(Path path) {
        return new Tailer(new FileTailSource(path), options, log);
    }

    private static void append(Path p, String text) throws IOException {
        append(p, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void append(Path p, byte[] bytes) throws IOException {
        Files.write(p, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    @Test
    void renameAndCreateRotationDrainsTheOldFileIncludingWritesAfterTheRename() throws IOException {
        Path p = dir.resolve("execution.jsonl");
        try (OutputStream oldWriter = Files.newOutputStream(p, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
             Tailer t = tailer(p)) {
            oldWriter.write(line("a1").getBytes(StandardCharsets.UTF_8));
            t.poll();
            Files.move(p, dir.resolve("execution.1.jsonl"), StandardCopyOption.ATOMIC_MOVE);
            oldWriter.write(line("a2 after rename").getBytes(StandardCharsets.UTF_8));
            append(p, line("b1"));
            t.poll();
            oldWriter.write(line("a3 later still").getBytes(StandardCharsets.UTF_8));
            append(p, line("b2"));
            t.poll();
            assertThat(log.text()).containsExactly("a1", "a2 after rename", "ROTATED", "b1", "a3 later still", "b2");
        }
    }

    /** Found by FollowByNameIT once change events made the tailer look within the instant the name is away. */
    @Test
    void aNameAwayForAMomentThatComesBackAsALinkToTheSameFileIsReadOnNotReadAgain() throws IOException {
        Path p = dir.resolve("execution.jsonl");
        Path moved = Files.createDirectories(dir.resolve("elsewhere")).resolve("execution.jsonl");
        try (OutputStream writer = Files.newOutputStream(p, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
             Tailer t = tailer(p)) {
            writer.write(line("a1").getBytes(StandardCharsets.UTF_8));
            t.poll();
            Files.move(p, moved);
            writer.write(line("a2 while away").getBytes(StandardCharsets.UTF_8));
            t.poll();
            Files.createSymbolicLink(p, moved);
            writer.write(line("a3 through the link").getBytes(StandardCharsets.UTF_8));
            t.poll();
            t.poll();
            assertThat(log.text()).containsExactly("a1", "a2 while away", "MISSING", "a3 through the link", "APPEARED");
        }
    }

    @Test
    void severalRotationsToNumberedPartsBetweenTwoPollsAreAllReadInOrder() throws IOException {
        Path p = dir.resolve("execution.jsonl");
        append(p, line("a1"));
        try (Tailer t = tailer(p)) {
            t.poll();
            append(p, line("a2"));
            Files.move(p, dir.resolve("execution.1.jsonl"), StandardCopyOption.ATOMIC_MOVE);
            append(p, line("b1"));
            Files.move(p, dir.resolve("execution.2.jsonl"), StandardCopyOption.ATOMIC_MOVE);
            append(p, line("c1"));
            Files.move(p, dir.resolve("execution.3.jsonl"), StandardCopyOption.ATOMIC_MOVE);
            append(p, line("d1"));
            t.poll();
            assertThat(log.text()).containsExactly("a1", "a2", "ROTATED", "b1", "c1", "d1");
            assertThat(((TailEvent.FileChanged) log.events.get(2)).detail()).endsWith("then 2 rotated parts written since");
        }
    }

    @Test
    void partsAreFoundNextToWhatACurrentSymlinkPointsAt() throws IOException {
        Path session = Files.createDirectories(dir.resolve("sessions/s1"));
        Path link = dir.resolve("current.jsonl");
        Files.createSymbolicLink(link, Path.of("sessions/s1/execution.jsonl"));
        Path p = session.resolve("execution.jsonl");
        append(p, line("a1"));
        try (Tailer t = tailer(link)) {
            t.poll();
            Files.move(p, session.resolve("execution.1.jsonl"));
            append(p, line("b1"));
            Files.move(p, session.resolve("execution.2.jsonl"));
            append(p, line("c1"));
            t.poll();
            assertThat(log.text()).containsExactly("a1", "ROTATED", "b1", "c1");
        }
    }

    @Test
    void withPartsFirstOnlyThePartsTheLoggerWritesAreRead() throws IOException {
        // execution.<n>.jsonl with n from 1 and no leading zero, the layout's one rule (dev.sigil.layout.LogLayout):
        // a copy someone left as execution.0.jsonl or execution.02.jsonl is not a part of the session.
        Path p = dir.resolve("execution.jsonl");
        append(dir.resolve("execution.0.jsonl"), line("zero"));
        append(dir.resolve("execution.02.jsonl"), line("padded"));
        append(dir.resolve("execution.1.jsonl"), line("part1"));
        append(p, line("live"));
        try (Tailer t = new Tailer(new FileTailSource(p), options.withPartsFirst(true), log)) {
            t.readAll();
        }
        assertThat(log.text()).containsExactly("part1", "live");
    }

    @Test
    void theNewFileMayOutgrowTheOldOffsetBeforeThePoll() throws IOException {
        Path p = dir.resolve("execution.jsonl");
        append(p, line("a1"));
        try (Tailer t = tailer(p)) {
            t.poll();
            Files.move(p, dir.resolve("execution.1.jsonl"));
            append(p, line("b1") + line("b2") + line("b3"));
            t.poll();
            assertThat(log.text()).containsExactly("a1", "ROTATED", "b1", "b2", "b3");
        }
    }

    @Test
    void copyTruncateWithAWriterThatKeepsItsOffsetGivesNoDuplicateAndNoNul() throws IOException {
        Path p = dir.resolve("third-party.jsonl");
        try (RandomAccessFile writer = new RandomAccessFile(p.toFile(), "rw"); Tailer t = tailer(p)) {
            writer.write(line("a1").getBytes(StandardCharsets.UTF_8));
            writer.write(line("a2").getBytes(StandardCharsets.UTF_8));
            t.poll();
            Files.copy(p, dir.resolve("third-party.jsonl.1"));
            try (RandomAccessFile logrotate = new RandomAccessFile(p.toFile(), "rw")) {
                logrotate.setLength(0);
            }
            writer.write(line("a3").getBytes(StandardCharsets.UTF_8)); // at its old offset: a hole of NULs before
            t.poll();
            assertThat(log.text()).containsExactly("a1", "a2", "REPLACED", "a3");
            assertThat(log.entries()).allSatisfy(e -> assertThat(e.json().toString()).doesNotContain("\\u0000"));
        }
    }

    @Test
    void truncationRestartsAtTheStart() throws IOException {
        Path p = dir.resolve("execution.jsonl");
        append(p, line("a1") + line("a2"));
        try (Tailer t = tailer(p)) {
            t.poll();
            try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                f.setLength(0);
            }
            append(p, line("b1"));
            t.poll();
            assertThat(log.text()).containsExactly("a1", "a2", "TRUNCATED", "b1");
        }
    }

    @Test
    void truncateAndRegrowBeyondTheOffsetEmitsNoFragment() throws IOException {
        Path p = dir.resolve("execution.jsonl");
        append(p, line("a1"));
        try (Tailer t = tailer(p)) {
            t.poll();
            try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                f.setLength(0);
            }
            append(p, line("longer b1 ........") + line("b2"));
            t.poll();
            assertThat(log.text()).containsExactly("a1", "REPLACED", "longer b1 ........", "b2");
        }
    }

    /**
     * Issue 11: truncated in place, then written again past the old offset before the next poll, with the first 64
     * bytes and the 32 bytes before the old offset as they were (Fluent Bit's marker and Vector's fingerprint both
     * match): before the checksums of what was read, the tailer read on from the old offset and skipped the first
     * 100 of the 300 new lines.
     */
    @Test
    void truncatedInPlaceAndRegrownPastTheOffsetWithTheSameStartAndMarkIsReadAgainWhole() throws IOException {
        Path p = dir.resolve("app.jsonl");
        byte[] old = numbered("old", 100).getBytes(StandardCharsets.UTF_8);
        byte[] fresh = numbered("new", 300).getBytes(StandardCharsets.UTF_8);
        int offset = old.length;
        assertThat(java.util.Arrays.copyOf(fresh, 64)).as("the first 64 bytes").isEqualTo(java.util.Arrays.copyOf(old, 64));
        assertThat(java.util.Arrays.copyOfRange(fresh, offset - 32, offset)).as("the 32 bytes before the old offset")
                .isEqualTo(java.util.Arrays.copyOfRange(old, offset - 32, offset));
        append(p, old);
        try (Tailer t = tailer(p)) {
            t.poll();
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p, StandardOpenOption.WRITE)) {
                ch.truncate(0); // in place: the same inode, as copy-truncate or `: > file` leaves it
            }
            append(p, fresh);
            t.poll();
            java.util.List<String> text = log.text();
            assertThat(text.subList(0, 100)).allMatch(m -> m.startsWith("old "));
            assertThat(text.get(100)).isEqualTo("REPLACED");
            assertThat(text.subList(101, text.size())).containsExactlyElementsOf(lines("new", 300));
        }
    }

    private static java.util.List<String> lines(String tag, int n) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(tag + " " + String.format(java.util.Locale.ROOT, "%03d", i) + " " + "x".repeat(30));
        }
        return out;
    }

    private static String numbered(String tag, int n) {
        StringBuilder b = new StringBuilder();
        lines(tag, n).forEach(m -> b.append(line(m)));
        return b.toString();
    }

    @Test
    void deleteAndRecreateIsANewFileReadFromItsStart() throws IOException {
        Path p = dir.resolve("execution.jsonl");
        append(p, line("a1") + line("a2"));
        try (Tailer t = tailer(p)) {
            t.poll();
            Files.delete(p);
            append(p, line("b1"));
            t.poll();
            append(p, line("b2"));
            t.poll();
            assertThat(log.messages()).containsExactly("a1", "a2", "b1", "b2");
            assertThat(log.text()).contains("ROTATED");
        }
    }

    @Test
    void deleteSeenThenRecreatedIsMissingThenAppeared() throws IOException {
        Path p = dir.resolve("execution.jsonl");
        append(p, line("a1"));
        try (Tailer t = tailer(p)) {
            t.poll();
            Files.delete(p);
            t.poll();
            append(p, line("b1"));
            t.poll();
            assertThat(log.text()).containsExactly("a1", "MISSING", "APPEARED", "b1");
        }
    }

    @Test
    void aCurrentSymlinkMovedToANewSessionIsFollowed() throws IOException {
        Path s1 = Files.createDirectories(dir.resolve("sessions/s1")).resolve("execution.jsonl");
        Path s2 = Files.createDirectories(dir.resolve("sessions/s2")).resolve("execution.jsonl");
        Path current = dir.resolve("current.jsonl");
        append(s1, line("s1 a"));
        Files.createSymbolicLink(current, s1);
        try (Tailer t = tailer(current)) {
            t.poll();
            append(s1, line("s1 b"));
            append(s2, line("s2 a"));
            Path tmp = dir.resolve("current.jsonl.tmp");
            Files.createSymbolicLink(tmp, s2);
            Files.move(tmp, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            t.poll();
            assertThat(log.text()).containsExactly("s1 a", "s1 b", "ROTATED", "s2 a");
        }
    }

    @Test
    void aFileInADirectoryThatDoesNotExistYetIsWaitedFor() throws IOException {
        Path p = dir.resolve("sessions/later/execution.jsonl");
        try (Tailer t = tailer(p)) {
            t.poll();
            t.poll();
            Files.createDirectories(p.getParent());
            append(p, line("first"));
            t.poll();
            assertThat(log.text()).containsExactly("MISSING", "APPEARED", "first");
        }
    }

    @Test
    void bytesWrittenOneAtATimeSplitEveryUtf8SequenceAndComeOutWhole() throws IOException {
        Path p = dir.resolve("execution.jsonl");
        byte[] bytes = (line("é € 😀 ü") + line("ok")).getBytes(StandardCharsets.UTF_8);
        Files.createFile(p);
        try (Tailer t = tailer(p)) {
            for (byte b : bytes) {
                append(p, new byte[] {b});
                t.poll();
            }
            assertThat(log.messages()).containsExactly("é € 😀 ü", "ok");
            assertThat(log.entries()).noneMatch(TailEntry::invalidUtf8);
        }
    }

    @Test
    void aTouchAloneNeverCausesARereading() throws IOException {
        Path p = dir.resolve("execution.jsonl");
        append(p, line("a1"));
        try (Tailer t = tailer(p)) {
            t.poll();
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().plusSeconds(60)));
            t.poll();
            assertThat(log.text()).containsExactly("a1");
        }
    }

    @Test
    void aSegmentArchivedAndDeletedRightAfterRotationIsStillDrained() throws IOException {
        Path p = dir.resolve("execution.jsonl");
        append(p, line("a1"));
        try (Tailer t = tailer(p)) {
            t.poll();
            append(p, line("a2 unread"));
            Path rotated = dir.resolve("execution.1.jsonl");
            Files.move(p, rotated);
            Files.delete(rotated);
            append(p, line("b1"));
            t.poll();
            assertThat(log.messages()).containsExactly("a1", "a2 unread", "b1");
        }
    }

    @Test
    void theDecodeGroupSizeChangesNothingInWhatIsHandedOut() throws IOException {
        Path p = dir.resolve("execution.jsonl");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append(i % 500 == 7 ? "not json\n" : line("m" + i + " \u00e9".repeat(i % 5)));
        }
        append(p, text.toString());
        java.util.List<java.util.List<String>> seen = new java.util.ArrayList<>();
        for (int groupBytes : new int[] {1, 100, 4096, 256 << 10, 1 << 20}) {
            for (boolean ahead : new boolean[] {false, true}) {
                EventLog events = new EventLog();
                TailOptions o = options.withDecodeGroupBytes(groupBytes).withEventsAhead(ahead);
                try (Tailer t = new Tailer(new FileTailSource(p), o, events)) {
                    t.poll();
                }
                seen.add(events.text());
            }
        }
        assertThat(seen.get(0)).hasSize(3000).contains("skip MALFORMED");
        assertThat(seen).allSatisfy(text1 -> assertThat(text1).isEqualTo(seen.get(0)));
    }
}
