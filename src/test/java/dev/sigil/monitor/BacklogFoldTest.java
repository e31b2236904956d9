package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.event.Level;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.monitor.state.Effect;
import dev.sigil.monitor.state.EventRow;
import dev.sigil.monitor.state.FoldedSoFar;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;
import dev.sigil.monitor.state.SessionStats;
import dev.sigil.monitor.state.Update;
import dev.sigil.spend.Prices;
import dev.sigil.tail.TailEntry;

/**
 * The backlog folded behind the log's newest events (ADR 0165), on a real file through the real feed: the totals once
 * it is folded are those of a plain sequential fold of the same lines (300-byte lines among entries of 4 to 64 KiB),
 * lines appended while it is folded are counted once, and the fold said done is the log as it stood at the start.
 */
class BacklogFoldTest {

    @TempDir
    Path dir;

    /** A session of small lines and LLM outputs of 4 to 64 KiB in metadata, ended by {@code session_complete}. */
    static String log(long seed, int lines, boolean complete) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(Lines.start("2026-01-11T10:00:00", "s-fold", 5_000_000)).append('\n');
        String[] components = {"planning", "reasoning", "memory", "validation"};
        for (int i = 0; i < lines; i++) {
            String ts = String.format("2026-01-11T10:%02d:%02d.%06d", (i / 60) % 60, i % 60, i);
            String c = components[r.nextInt(components.length)];
            String type = r.nextInt(20) == 0 ? "step_error" : r.nextBoolean() ? "step_complete" : "token_consumption";
            String message = r.nextInt(8) == 0 ? "output " + "é answer ".repeat((4096 + r.nextInt(60 * 1024)) / 10) : "step " + i;
            b.append(Lines.entry(ts, "s-fold", type, c, message, r.nextInt(900), r.nextInt(5000) / 10.0)).append('\n');
        }
        if (complete) {
            b.append(Lines.entry("2026-01-11T11:00:00", "s-fold", "session_complete", "orchestrator", "done", 0, Double.NaN)).append('\n');
        }
        return b.toString();
    }

    /** The plain fold: every line decoded and reduced in order, in one batch per line. */
    static SessionStats sequential(String text) {
        MonitorState s = MonitorState.initial("log", false, "", Level.TRACE);
        for (var e : Lines.decodeAll(text)) {
            s = Reducer.reduce(s, new MonitorAction.LinesAppended(List.of(e), 0));
        }
        return s.session();
    }

    @Test
    void theTotalsAfterTheBacklogAreThoseOfASequentialFold() throws Exception {
        String text = log(7, 3000, true);
        Path file = dir.resolve("execution.jsonl");
        Files.writeString(file, text);
        Run run = new Run(file, false);
        run.untilEnd();
        assertThat(run.sawNewestFirst).as("the log's newest events were shown before its first line was folded").isTrue();
        assertThat(run.partialSeen).as("the totals were partial while the backlog was folded").isTrue();
        sameTotals(run.state.session(), sequential(text));
        assertThat(run.state.backlog().pending()).isFalse();
    }

    @Test
    void linesAppendedWhileTheBacklogIsFoldedAreCountedOnce() throws Exception {
        String before = log(11, 2500, true);
        Path file = dir.resolve("execution.jsonl");
        Files.writeString(file, before);
        String more = log(12, 400, false);
        more = more.substring(more.indexOf('\n') + 1); // no second session_start
        // Written as soon as the log's end is read (the start's newest line known), while the reader folds its backlog in
        // chunks of 50 events on its own thread (ADR 0205): the appended lines come after that line, read in the same
        // pass or the next.
        Run run = new Run(file, true);
        run.untilFound();
        assertThat(run.foundAt).as("the log's end was read before anything was folded").isZero();
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            out.write(more.getBytes(StandardCharsets.UTF_8));
        }
        long lines = Lines.decodeAll(before + more).size();
        run.untilEvents(lines);
        assertThat(run.doneAt).as("the fold said done is the log as it stood at the start").isEqualTo(Lines.decodeAll(before).size());
        sameTotals(run.state.session(), sequential(before + more));
        assertThat(run.keep).as("a finished session's fold asks to be kept").isNotNull();
        sameTotals(run.keep.fold().session(), sequential(before));
    }

    @Test
    void linesSkippedInTheBacklogAreCountedAsTheReaderCountsThem() throws Exception {
        // The reader's thread folds the backlog (ADR 0205) and counts what it skips: the counts reach the screen's state.
        String good = log(17, 2200, true);
        String[] lines = good.split("\n");
        StringBuilder text = new StringBuilder();
        int malformed = 0;
        for (int i = 0; i < lines.length; i++) {
            text.append(lines[i]).append('\n');
            if (i > 0 && i < lines.length - 1 && i % 300 == 0) {
                text.append(i % 600 == 0 ? "{\"timestamp\": cut short\n" : "x".repeat((1 << 20) + 10) + "\n");
                malformed += i % 600 == 0 ? 1 : 0;
            }
        }
        long tooLong = (lines.length - 2) / 300 - malformed;
        Path file = dir.resolve("execution.jsonl");
        Files.writeString(file, text);
        Run run = new Run(file, false);
        run.untilEnd();
        sameTotals(run.state.session(), sequential(good));
        assertThat(run.state.reader().malformed()).isEqualTo(malformed);
        assertThat(run.state.reader().tooLong()).isEqualTo(tooLong);
        assertThat(malformed).isPositive();
        assertThat(tooLong).isPositive();
    }

    @Test
    void oneBatchOfThousandsOfEventsGivesTheSequentialFold() {
        // The fold makes rows only for the events the recent list can keep (and for errors): the lists must not tell.
        String text = log(13, 2600, true);
        MonitorState s = MonitorState.initial("log", false, "", Level.TRACE);
        SessionStats got = Reducer.reduce(s, new MonitorAction.LinesAppended(Lines.decodeAll(text), 0)).session();
        SessionStats want = sequential(text);
        sameTotals(got, want);
        assertThat(got.recent().size()).isEqualTo(SessionStats.RECENT_CAPACITY);
        assertThat(got.errors().items().stream().map(r -> r.seq() + " " + r.message()).toList())
                .isEqualTo(want.errors().items().stream().map(r -> r.seq() + " " + r.message()).toList());
    }

    @Test
    void chunksFoldedIntoTheCountersAloneGiveTheSequentialFold() {
        // Chunks of 200 to 2,500 events folded 30 ms apart: those of at least the recent list's capacity between two shown
        // go into the counters alone (null), and the next fold shown makes the rows of the newest (ADR 0250).
        for (long seed = 21; seed < 25; seed++) {
            String text = log(seed, 9000, true);
            List<LogEvent> events = Lines.decodeAll(text);
            Random r = new Random(seed);
            FoldChunks chunks = new FoldChunks(Prices.NONE, Integer.MAX_VALUE, Long.MAX_VALUE);
            FoldedSoFar last = null;
            long lines = 0;
            int unshown = 0;
            long now = 1_000;
            for (int i = 0; i < events.size(); ) {
                int n = Math.min(events.size() - i, 200 + r.nextInt(2300));
                List<TailEntry> entries = new ArrayList<>();
                for (int j = i; j < i + n; j++) {
                    entries.add(new TailEntry(j + 1, j * 100L, null, events.get(j), false));
                }
                chunks.add("log", entries);
                i += n;
                FoldedSoFar f = chunks.fold(now += 30, i == events.size());
                if (f == null) {
                    unshown++;
                } else {
                    last = f;
                    lines += f.lines();
                }
            }
            assertThat(unshown).as("some chunks were folded into the counters alone").isPositive();
            assertThat(lines).isEqualTo(events.size());
            SessionStats want = sequential(text);
            sameTotals(last.session(), want);
            assertThat(last.session().recent().total()).isEqualTo(want.recent().total());
            assertThat(last.session().errors().items().stream().map(e -> e.seq() + " " + e.message()).toList())
                    .isEqualTo(want.errors().items().stream().map(e -> e.seq() + " " + e.message()).toList());
        }
    }

    static void sameTotals(SessionStats got, SessionStats want) {
        assertThat(got.eventCount()).isEqualTo(want.eventCount());
        assertThat(got.summedTokens()).isEqualTo(want.summedTokens());
        assertThat(got.tokensUsed()).isEqualTo(want.tokensUsed());
        assertThat(got.restatements()).isEqualTo(want.restatements());
        assertThat(got.status()).isEqualTo(want.status());
        assertThat(got.components()).isEqualTo(want.components());
        assertThat(got.errors().total()).isEqualTo(want.errors().total());
        assertThat(got.history().values()).isEqualTo(want.history().values());
        assertThat(got.spending().total()).isEqualTo(want.spending().total());
        assertThat(got.spending().components()).isEqualTo(want.spending().components());
        assertThat(messages(got)).isEqualTo(messages(want));
    }

    private static List<String> messages(SessionStats s) {
        return s.recent().items().stream().map(r -> r.seq() + " " + r.message()).toList();
    }

    /** The feed on a real file, its actions reduced as the render thread reduces them. */
    private static final class Run {
        final ActionQueue queue = new ActionQueue(100, 1 << 20);
        final TailFeed feed;
        MonitorState state = MonitorState.initial("log", true, "", Level.TRACE);
        boolean sawNewestFirst;
        boolean partialSeen;
        long doneAt = -1;
        /** The events folded when the log's end was shown, -1 before. */
        long foundAt = -1;
        Effect.KeepFold keep;

        Run(Path file, boolean follow) {
            feed = new TailFeed(queue, Clock.systemUTC(), Duration.ofMillis(20), 1 << 20, follow, FormatSet.builtIn(), 1_000_000)
                    .foldingBy(50);
            feed.start(new LogTarget(file, file.toString(), "s-fold", file.getParent(), null, LogTarget.Kind.PATH));
        }

        void untilFound() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (foundAt < 0 && System.nanoTime() < deadline) {
                step();
            }
        }

        void untilEnd() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!state.reader().endOfInput() && System.nanoTime() < deadline) {
                step();
            }
            feed.close();
        }

        void untilEvents(long n) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((state.session().eventCount() < n || state.backlog().pending()) && System.nanoTime() < deadline) {
                step();
            }
            Thread.sleep(200);
            step();
            feed.close();
        }

        private void step() throws InterruptedException {
            for (MonitorAction a : queue.drain()) {
                Update u = Reducer.update(state, a);
                if (a instanceof MonitorAction.BacklogFound) {
                    foundAt = state.session().eventCount();
                    sawNewestFirst = state.session().eventCount() == 0 && !u.state().visibleEvents().isEmpty();
                }
                if (a instanceof MonitorAction.BacklogFolded f && f.done() && state.backlog().pending()) {
                    doneAt = u.state().session().eventCount();
                }
                state = u.state();
                partialSeen |= state.backlog().pending() && state.session().eventCount() > 0;
                for (Effect e : u.effects()) {
                    if (e instanceof Effect.KeepFold k) {
                        keep = k;
                    }
                }
                if (state.showsNewest()) {
                    List<EventRow> shown = state.visibleEvents();
                    assertThat(shown.get(shown.size() - 1).message()).as("the newest event is on screen").isNotEmpty();
                }
            }
            Thread.sleep(5);
        }
    }
}
