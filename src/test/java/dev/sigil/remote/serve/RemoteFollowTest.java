package dev.sigil.remote.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.Metadata;
import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;
import dev.sigil.log.ExecutionLogger;
import dev.sigil.log.LoggerSettings;
import dev.sigil.remote.RemoteUrl;
import dev.sigil.remote.follow.RemoteFollower;

/**
 * A remote follower of a session that sigil's own writer fills and rotates, while the server cuts every connection
 * and is stopped and started again at random moments (the seed is printed): what the follower received is byte for
 * byte the session's parts and live file end to end, each offset continuing where the bytes before ended (0 lost,
 * 0 twice).
 */
class RemoteFollowTest {

    @TempDir
    Path tmp;

    @Test
    void aFollowerGetsEveryByteOnceThroughRotationsCutsAndRestarts() throws Exception {
        run(20_000, 30, Long.getLong("sigil.test.seed", System.nanoTime()));
    }

    @Test
    @Tag("heavy")
    void theSameWithOneHundredThousandLinesAndAHundredFaults() throws Exception {
        run(100_000, 100, Long.getLong("sigil.test.seed", System.nanoTime()));
    }

    private void run(int lines, int faults, long seed) throws Exception {
        System.out.println("RemoteFollowTest seed=" + seed + " (rerun with -Dsigil.test.seed=" + seed + ")");
        Random random = new Random(seed);
        LoggerSettings settings = LoggerSettings.builder().logPath(tmp).maxFileSizeBytes(256 << 10).fsync(false).build();
        ExecutionLogger logger = ExecutionLogger.builder(settings).shutdownHook(false).open("remote-1");
        StreamSettings serve = StreamSettings.of(new InetSocketAddress("127.0.0.1", 0), new LogLayout(tmp), null).withPoll(Duration.ofMillis(10));
        StreamServer[] server = {StreamServer.start(serve)};
        int port = server[0].port();
        serve = serve.withAddress(new InetSocketAddress("127.0.0.1", port));
        Collected got = new Collected();
        RemoteFollower follower = new RemoteFollower(RemoteUrl.parse("ws://127.0.0.1:" + port + "/sessions/remote-1"), null, 0, true, got);
        Thread following = new Thread(() -> {
            try {
                follower.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "follower");
        following.start();
        int[] counted = new int[2]; // cuts, restarts
        StreamSettings again = serve;
        Thread chaos = new Thread(() -> {
            Random r = new Random(seed ^ 0x5DEECE66DL);
            try {
                for (int f = 0; f < faults; f++) {
                    Thread.sleep(10 + r.nextInt(120));
                    for (int wait = 0; wait < 500 && server[0].openStreams() == 0; wait++) {
                        Thread.sleep(10); // a fault hits a live connection: the follower is connected again first
                    }
                    synchronized (server) {
                        if (r.nextInt(4) == 0) {
                            server[0].close();
                            server[0] = StreamServer.start(again);
                            counted[1]++;
                        } else {
                            server[0].cutAll();
                            counted[0]++;
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "chaos");
        chaos.start();
        for (int i = 0; i < lines; i++) {
            int output = i % 97 == 0 ? 4096 + random.nextInt(28 << 10) : random.nextInt(300);
            logger.log(EventType.STEP_COMPLETE, Component.REASONING, "entry " + i, 1,
                    Metadata.builder().put("seq", i).put("output", "o".repeat(output)).build());
            if (i % 200 == 0) {
                Thread.sleep(random.nextInt(20)); // the writer in bursts, as a pipeline writes
            }
        }
        logger.close();
        byte[] expected = SessionBytes.of(logger.sessionDirectory());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (got.size() < expected.length && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        chaos.join(60_000);
        while (got.size() < expected.length && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        follower.stop();
        following.join(10_000);
        server[0].close();
        int cuts = counted[0];
        int restarts = counted[1];
        System.out.println("RemoteFollowTest: " + lines + " lines, " + expected.length + " bytes, " + logger.stats().rotations()
                + " rotations, " + cuts + " cuts, " + restarts + " restarts; notes: " + got.notes.size());
        assertThat(logger.stats().rotations()).isPositive();
        assertThat(got.gaps).as("seed " + seed).isEmpty();
        assertThat(got.size()).as("seed " + seed).isEqualTo(expected.length);
        assertThat(got.bytes()).as("seed " + seed).isEqualTo(expected);
        assertThat(got.notes.stream().filter(n -> n.startsWith("reconnecting (")).count()).as("seed " + seed).isGreaterThanOrEqualTo(faults * 3 / 4);
        assertThat(SessionId.isValid("remote-1")).isTrue();
    }
}
