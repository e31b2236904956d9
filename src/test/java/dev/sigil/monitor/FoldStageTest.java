package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;

/**
 * The fold's stage (ADR 0285) on real threads: what the reader hands over is posted in the order handed, the reader
 * waits once what waits weighs the bound, a failure of the fold is told once and the stage takes nothing more.
 */
class FoldStageTest {

    /** A batch of {@code n} lines of events numbered from {@code first}, each line a {@code message} of that many chars. */
    private static TailEvent.Lines batch(long first, int n, int chars) {
        List<TailEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long line = first + i;
            LogEvent e = Lines.decode(Lines.entry("2026-01-11T10:00:00", "s-stage", "step_complete", "planning",
                    "m".repeat(chars) + line, 1, 1.0));
            entries.add(new TailEntry(line, line * 100, null, e, false));
        }
        return new TailEvent.Lines("log", entries);
    }

    @Test
    void everythingHandedOverIsPostedInTheOrderHanded() throws Exception {
        List<Long> posted = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        try (FoldStage stage = new FoldStage(e -> {
            threads.add(Thread.currentThread().getName());
            if (e instanceof TailEvent.Lines l) {
                l.entries().forEach(x -> posted.add(x.line()));
            } else {
                posted.add(-1L);
            }
            return true;
        }, () -> false, e -> { })) {
            long line = 1;
            for (int i = 0; i < 200; i++) {
                assertThat(stage.hand(batch(line, 7, 10))).isTrue();
                line += 7;
            }
            assertThat(stage.hand(new TailEvent.FileChanged("log", TailEvent.Change.ROTATED, ""))).isTrue();
            assertThat(stage.drain()).isTrue();
            assertThat(stage.idle()).isTrue();
            List<Long> want = new ArrayList<>();
            for (long l = 1; l < line; l++) {
                want.add(l);
            }
            want.add(-1L);
            assertThat(posted).isEqualTo(want);
            assertThat(threads).as("posted on the stage's thread, not the reader's").containsOnly("sigil-monitor-fold");
        }
    }

    @Test
    void theReaderWaitsOnceWhatWaitsWeighsTheBound() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstTaken = new CountDownLatch(1);
        TailEvent.Lines big = batch(1, 40, 4000); // each weighs about 40 x 8 KB: several fill the bound
        long weight = FoldStage.weight(big);
        assertThat(weight).isGreaterThan(40L * 8000);
        int fit = (int) (FoldStage.MAX_BYTES / weight);
        try (FoldStage stage = new FoldStage(e -> {
            firstTaken.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException x) {
                return false;
            }
        }, () -> false, e -> { })) {
            assertThat(stage.hand(big)).isTrue();
            assertThat(firstTaken.await(30, TimeUnit.SECONDS)).isTrue(); // the first is being posted: it weighs still
            AtomicBoolean handedAll = new AtomicBoolean();
            Thread reader = new Thread(() -> {
                for (int i = 0; i < fit + 1; i++) {
                    stage.hand(big);
                }
                handedAll.set(true);
            });
            reader.start();
            reader.join(500);
            assertThat(handedAll).as("the reader waits while %d batches of %d bytes wait", fit + 1, weight).isFalse();
            assertThat(stage.idle()).isFalse();
            release.countDown();
            reader.join(30_000);
            assertThat(handedAll).isTrue();
            assertThat(stage.drain()).isTrue();
        }
    }

    @Test
    void aFailedFoldIsToldOnceAndTheStageTakesNothingMore() throws Exception {
        AtomicReference<Throwable> told = new AtomicReference<>();
        CountDownLatch failed = new CountDownLatch(1);
        List<Long> posted = Collections.synchronizedList(new ArrayList<>());
        try (FoldStage stage = new FoldStage(e -> {
            TailEvent.Lines l = (TailEvent.Lines) e;
            if (l.entries().get(0).line() == 8) {
                throw new IllegalStateException("the fold broke");
            }
            posted.add(l.entries().get(0).line());
            return true;
        }, () -> false, e -> {
            assertThat(told.getAndSet(e)).isNull();
            failed.countDown();
        })) {
            assertThat(stage.hand(batch(1, 7, 10))).isTrue();
            assertThat(stage.hand(batch(8, 7, 10))).isTrue();
            assertThat(failed.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(told.get()).hasMessage("the fold broke");
            assertThat(stage.hand(batch(15, 7, 10))).as("nothing more is taken").isFalse();
            assertThat(stage.drain()).isFalse();
            assertThat(posted).containsExactly(1L);
        }
    }

    @Test
    void aFileNoLongerFollowedEndsTheStageAndCloseEndsItsThread() throws Exception {
        AtomicReference<Thread> worker = new AtomicReference<>();
        try (FoldStage stage = new FoldStage(e -> {
            worker.set(Thread.currentThread());
            return ((TailEvent.Lines) e).entries().get(0).line() < 8;
        }, () -> false, e -> { })) {
            assertThat(stage.hand(batch(1, 7, 10))).isTrue();
            assertThat(stage.drain()).isTrue();
            assertThat(stage.hand(batch(8, 7, 10))).isTrue();
            assertThat(stage.drain()).as("the second was refused: the file is no longer followed").isFalse();
            assertThat(stage.hand(batch(15, 7, 10))).isFalse();
            stage.close();
            worker.get().join(5_000);
            assertThat(worker.get().isAlive()).isFalse();
        }
    }
}
