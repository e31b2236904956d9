package dev.sigil.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tailer on its own thread, as the monitor runs it, against a writer on another thread that flushes records cut
 * at random bytes and rotates by rename (continuing a little in the old file): every record arrives exactly once.
 * The only waits are for the tailer to have seen something; none is a timing assertion.
 */
class TailerThreadTest {

    @TempDir
    Path dir;

    @Test
    void aConcurrentWriterWithRotationsLosesAndRepeatsNothing() throws Exception {
        long seed = 42;
        Random random = new Random(seed);
        Path name = dir.resolve("execution.jsonl");
        List<String> seen = new ArrayList<>();
        AtomicInteger newestGeneration = new AtomicInteger();
        CountDownLatch end = new CountDownLatch(1);
        TailListener listener = event -> {
            if (event instanceof TailEvent.Lines lines) {
                for (TailEntry e : lines.entries()) {
                    String m = e.event().message();
                    synchronized (seen) {
                        seen.add(m);
                    }
                    newestGeneration.accumulateAndGet(Integer.parseInt(m.substring(1, m.indexOf(' '))), Math::max);
                    if (m.endsWith("end")) {
                        end.countDown();
                    }
                }
            }
        };
        Tailer tailer = new Tailer(new FileTailSource(name), TailOptions.defaults().withPollInterval(Duration.ofMillis(2))
                // 2 ms polls would close a rotated file after 40 quiet ms; a loaded CI machine can pause the writer
                // longer than that between two late writes. Keep the default's two seconds and more.
                .withRotateWaitPolls(5_000), listener);
        Thread thread = new Thread(tailer::run, "tailer-under-test");
        thread.start();
        List<String> written = new ArrayList<>();
        int generation = 1;
        OutputStream out = Files.newOutputStream(name, StandardOpenOption.CREATE_NEW, StandardOpenOption.APPEND);
        OutputStream old = null;
        for (int seq = 1; seq <= 3000; seq++) {
            String m = "g" + generation + " s" + seq + (seq == 3000 ? " end" : " é€😀");
            byte[] bytes = EventLog.line(m).getBytes(StandardCharsets.UTF_8);
            int cut = random.nextInt(bytes.length);
            out.write(bytes, 0, cut);
            out.flush();
            out.write(bytes, cut, bytes.length - cut);
            out.flush();
            written.add(m);
            if (old != null && random.nextInt(10) == 0) {
                String late = "g" + (generation - 1) + " s" + ++seq + " late";
                old.write(EventLog.line(late).getBytes(StandardCharsets.UTF_8));
                old.flush();
                written.add(late);
            }
            if (random.nextInt(300) == 0 && waitUntilSeen(newestGeneration, generation)) {
                if (old != null) {
                    old.close();
                }
                old = out;
                Files.move(name, dir.resolve("execution." + generation + ".jsonl"));
                generation++;
                out = Files.newOutputStream(name, StandardOpenOption.CREATE_NEW, StandardOpenOption.APPEND);
            }
        }
        out.close();
        if (old != null) {
            old.close();
        }
        boolean finished = end.await(60, TimeUnit.SECONDS);
        // The last record can be read before late lines written just ahead of it to a rotated file: each poll drains
        // the rotated files first, then the current one, and the writer may fill both between the two. Give the
        // tailer the polls it needs to catch up before stopping it.
        for (int i = 0; i < 60_000 && seenCount(seen) < written.size(); i++) {
            Thread.sleep(1);
        }
        tailer.stop();
        thread.join(10_000);
        tailer.close();
        assertThat(finished).as("seed %d: the last record arrived", seed).isTrue();
        synchronized (seen) {
            assertThat(seen).as("seed %d, %d rotations", seed, generation - 1).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written);
        }
        assertThat(generation).as("rotations happened").isGreaterThan(2);
    }

    private static int seenCount(List<String> seen) {
        synchronized (seen) {
            return seen.size();
        }
    }

    /** A file the tailer never opened could be rotated away unseen (docs/reliability.md, F03): wait until it was. */
    private static boolean waitUntilSeen(AtomicInteger newest, int generation) throws InterruptedException {
        for (int i = 0; i < 10_000 && newest.get() < generation; i++) {
            Thread.sleep(1);
        }
        return newest.get() >= generation;
    }
}
