package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.event.Level;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.layout.LogLayout;
import dev.sigil.monitor.state.FoldImage;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;
import dev.sigil.monitor.state.SavedFold;

/**
 * The checkpoint of the fold beside a log (ADR 0165): it gives back the fold it kept, only under the log's stamp and
 * its own version; one cut short or changed anywhere is ignored, never an error; a directory of another user gets
 * none; and a feed that finds a good one shows it and passes over the lines it holds, reading on after them.
 */
class FoldCheckpointTest {

    @TempDir
    Path dir;

    private static SavedFold fold(String text) {
        MonitorState s = MonitorState.initial("log", false, "", Level.TRACE);
        List<MonitorAction.Position> positions = new ArrayList<>();
        var events = Lines.decodeAll(text);
        for (int i = 0; i < events.size(); i++) {
            positions.add(new MonitorAction.Position("log", i + 1, 100L * i));
        }
        s = Reducer.reduce(s, new MonitorAction.LinesAppended(events, 1_700_000_000_000L, positions));
        s = Reducer.reduce(s, new MonitorAction.LineProblems(2, 1, 3));
        return SavedFold.of(s);
    }

    @Test
    void aCheckpointGivesBackTheFoldItKept() {
        SavedFold f = fold(BacklogFoldTest.log(3, 300, true) + "{\"message\":\"lone \\ud800 surrogate\"}\n");
        byte[] bytes = FoldCheckpoint.bytes("key|1|2", f);
        SavedFold back = FoldCheckpoint.parse(bytes, "key|1|2").orElseThrow();
        assertThat(FoldImage.encode(back)).isEqualTo(FoldImage.encode(f));
        assertThat(back.session().recent().items()).isEqualTo(f.session().recent().items());
        assertThat(back.session().components()).isEqualTo(f.session().components());
        assertThat(back.session().spending().total()).isEqualTo(f.session().spending().total());
        assertThat(back.tooLong()).isEqualTo(1);
        assertThat(back.invalidUtf8()).isEqualTo(3);
    }

    @Test
    void anotherStampOrVersionIsIgnored() {
        byte[] bytes = FoldCheckpoint.bytes("key|1|2", fold(BacklogFoldTest.log(4, 50, true)));
        assertThat(FoldCheckpoint.parse(bytes, "key|1|3")).isEmpty();
        byte[] other = bytes.clone();
        other[FoldCheckpoint.MAGIC.length + 3]++; // the format's version
        assertThat(FoldCheckpoint.parse(other, "key|1|2")).isEmpty();
        other = bytes.clone();
        other[FoldCheckpoint.MAGIC.length + 7]++; // the fold's layout
        assertThat(FoldCheckpoint.parse(other, "key|1|2")).isEmpty();
    }

    @Test
    void aCheckpointCutShortOrChangedAnywhereIsIgnored() {
        byte[] bytes = FoldCheckpoint.bytes("k", fold(BacklogFoldTest.log(5, 120, true)));
        for (int at = 0; at < bytes.length; at += Math.max(1, bytes.length / 997)) {
            byte[] changed = bytes.clone();
            changed[at] ^= 0x5a;
            assertThat(FoldCheckpoint.parse(changed, "k")).as("byte %d changed", at).isEmpty();
            assertThat(FoldCheckpoint.parse(Arrays.copyOf(bytes, at), "k")).as("cut at %d", at).isEmpty();
        }
        assertThat(FoldCheckpoint.parse(new byte[0], "k")).isEmpty();
    }

    @Test
    void theImageRefusesBytesThatAreNotAFoldWhateverTheChecksumSays() {
        byte[] image = FoldImage.encode(fold(BacklogFoldTest.log(6, 40, true)));
        int refused = 0;
        for (int at = 0; at < image.length; at += 7) {
            byte[] changed = image.clone();
            changed[at] = (byte) 0xff;
            try {
                FoldImage.decode(changed);
            } catch (IllegalArgumentException expected) {
                refused++;
            }
            try {
                FoldImage.decode(Arrays.copyOf(image, at));
                throw new AssertionError("a fold cut at " + at + " was read");
            } catch (IllegalArgumentException expected) {
                // cut short: never a state
            }
        }
        assertThat(refused).isPositive();
    }

    @Test
    void aFeedShowsTheKeptFoldAndReadsOnAfterIt() throws Exception {
        Path file = dir.resolve("execution.jsonl");
        String text = BacklogFoldTest.log(8, 400, true);
        Files.writeString(file, text);
        LogEnd end = LogEnd.read(new LogTarget(file, file.toString(), "s", dir, null, LogTarget.Kind.PATH).source(), file.toString(),
                1 << 20, FormatSet.builtIn());
        SavedFold kept = fold(text);
        assertThat(FoldCheckpoint.save(file, end.checkpoint(), kept)).isTrue();
        assertThat(Files.exists(dir.resolve(LogLayout.foldCheckpointName("execution.jsonl")))).isTrue();

        List<MonitorAction> seen = follow(file, () -> {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
                out.write((Lines.entry("2026-01-11T12:00:00", "s-fold", "step_complete", "memory", "after the checkpoint", 5, 1.0) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }, "after the checkpoint");
        assertThat(seen).filteredOn(a -> a instanceof MonitorAction.FoldRestored).hasSize(1);
        assertThat(seen).noneMatch(a -> a instanceof MonitorAction.BacklogFound);
        List<String> read = seen.stream().filter(a -> a instanceof MonitorAction.LinesAppended)
                .flatMap(a -> ((MonitorAction.LinesAppended) a).events().stream()).map(e -> e.message()).toList();
        assertThat(read).as("only the line after the checkpoint is read as new").containsExactly("after the checkpoint");
    }

    @Test
    void aChangedLogIsFoldedFromItsLines() throws Exception {
        Path file = dir.resolve("execution.jsonl");
        String text = BacklogFoldTest.log(9, 300, true);
        Files.writeString(file, text);
        var source = new LogTarget(file, file.toString(), "s", dir, null, LogTarget.Kind.PATH).source();
        String stamp = LogEnd.read(source, "x", 1 << 20, FormatSet.builtIn()).checkpoint();
        FoldCheckpoint.save(file, stamp, fold(text));
        // the same size, one byte of the last block changed: another digest
        byte[] bytes = Files.readAllBytes(file);
        int at = text.lastIndexOf("done");
        bytes[at] = 'D';
        Files.write(file, bytes);
        String changed = LogEnd.read(source, "x", 1 << 20, FormatSet.builtIn()).checkpoint();
        assertThat(changed).isNotEqualTo(stamp);
        assertThat(FoldCheckpoint.load(file, changed)).isEmpty();
        assertThat(FoldCheckpoint.load(file, stamp)).as("the stamp it was kept under still finds it").isPresent();
    }

    @Test
    void aDirectoryOfAnotherUserGetsNoCheckpointAndNoError() throws Exception {
        Path theirs = Files.createDirectory(dir.resolve("theirs"));
        Path file = theirs.resolve("execution.jsonl");
        String text = BacklogFoldTest.log(10, 30, true);
        Files.writeString(file, text);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            UserPrincipal nobody = theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(theirs, nobody);
        } else {
            Files.setPosixFilePermissions(theirs, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try {
            assertThat(FoldCheckpoint.save(file, "k", fold(text))).isFalse();
            assertThat(Files.list(theirs).map(p -> p.getFileName().toString()).toList()).containsExactly("execution.jsonl");
            assertThat(FoldCheckpoint.load(file, "k")).isEmpty();
        } finally {
            Files.setPosixFilePermissions(theirs, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static List<MonitorAction> follow(Path file, Step afterStart, String until) throws Exception {
        ActionQueue queue = new ActionQueue(10_000, 64 << 20);
        List<MonitorAction> seen = new ArrayList<>();
        try (TailFeed feed = new TailFeed(queue, Clock.systemUTC(), Duration.ofMillis(20), 1 << 20, true, FormatSet.builtIn(), 1_000_000)) {
            feed.start(new LogTarget(file, file.toString(), "s", file.getParent(), null, LogTarget.Kind.PATH));
            Thread.sleep(300);
            afterStart.run();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && seen.stream().noneMatch(a -> a instanceof MonitorAction.LinesAppended l
                    && l.events().stream().anyMatch(e -> e.message().equals(until)))) {
                seen.addAll(queue.drain());
                Thread.sleep(20);
            }
            seen.addAll(queue.drain());
        }
        return seen;
    }

}
