package dev.sigil.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.remote.follow.RemoteFollower;

/**
 * Fifty clients on one session of a real {@code sigil serve} process, one of them reading nothing at all (a raw
 * socket that upgrades and then never reads, with a small receive buffer): the other 49 get every byte while the
 * session grows, the stalled one is closed once its window stays full, and the server's peak RSS (VmHWM) stays
 * bounded; the figure is printed for docs/benchmarks.md.
 */
class ManyClientsIT {

    static final Path HOME = Path.of(System.getProperty("sigil.home", ".")).toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void fortyNineKeepUpWhileOneStallsAndTheServerStaysBounded() throws Exception {
        Path session = Files.createDirectories(dir.resolve("logs/sessions/many"));
        Path log = session.resolve("execution.jsonl");
        Random random = new Random(16);
        append(log, random, 8 << 20);
        ProcessBuilder b = new ProcessBuilder(HOME.resolve("scripts/sigil").toString(), "serve", "--port", "0", "--stall-seconds", "3",
                "-l", dir.resolve("logs").toString()).redirectError(dir.resolve("serve.err").toFile());
        b.environment().put("SIGIL_NO_BUILD", "1");
        b.environment().put("HOME", dir.toString());
        String heap = System.getProperty("sigil.serve.heap", "-Xmx128m");
        b.environment().put("SIGIL_JAVA_OPTS", heap);
        Process serve = b.start();
        try {
            String first = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8)).readLine();
            int port = Integer.parseInt(first.replaceAll(".*ws://127\\.0\\.0\\.1:(\\d+).*", "$1"));
            Socket stalled = stalledClient(port);
            List<RemoteFollower> followers = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            List<AtomicLong> received = new ArrayList<>();
            for (int i = 0; i < 49; i++) {
                AtomicLong n = new AtomicLong();
                received.add(n);
                RemoteFollower f = new RemoteFollower(RemoteUrl.parse("ws://127.0.0.1:" + port + "/sessions/many"), null, 0, true,
                        new RemoteFollower.Sink() {
                            @Override
                            public void lines(byte[] bytes, long offset) {
                                n.addAndGet(bytes.length);
                            }

                            @Override
                            public void note(String text) {
                                // reconnections are allowed; the byte count proves nothing was lost or doubled
                            }
                        });
                followers.add(f);
                Thread t = new Thread(() -> {
                    try {
                        f.run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "follower-" + i);
                t.start();
                threads.add(t);
            }
            long peak = 0;
            for (int round = 0; round < 8; round++) {
                append(log, random, 1 << 20);
                Thread.sleep(250);
                peak = Math.max(peak, hwmKiB(serve.pid()));
            }
            long size = Files.size(log);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (received.stream().anyMatch(n -> n.get() < size) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                peak = Math.max(peak, hwmKiB(serve.pid()));
            }
            followers.forEach(RemoteFollower::stop);
            for (Thread t : threads) {
                t.join(10_000);
            }
            boolean stalledClosed = closedByServer(stalled);
            System.out.println("ManyClientsIT: 49 readers and 1 stalled client on a " + (size >> 20) + " MiB session: serve (" + heap + ") peak RSS "
                    + (peak >> 10) + " MiB; the stalled client closed: " + stalledClosed);
            assertThat(received).allMatch(n -> n.get() == size);
            assertThat(stalledClosed).isTrue();
            assertThat(peak >> 10).isLessThan(heap.equals("-Xmx128m") ? 300 : 1000);
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Lines of 300 bytes to 32 KiB (an LLM's output in metadata) until {@code bytes} more are written. */
    private static void append(Path log, Random random, long bytes) throws Exception {
        StringBuilder b = new StringBuilder();
        long written = 0;
        int i = 0;
        while (written < bytes) {
            int output = i++ % 5 == 0 ? 4096 + random.nextInt(28 << 10) : random.nextInt(300);
            String line = "{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"many\",\"event_type\":\"step_complete\","
                    + "\"component\":\"reasoning\",\"message\":\"ok\",\"tokens\":5,\"metadata\":{\"output\":\"" + "o".repeat(output) + "\"}}\n";
            b.append(line);
            written += line.length();
        }
        Files.writeString(log, b, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static Socket stalledClient(int port) throws Exception {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", port));
        OutputStream out = s.getOutputStream();
        out.write(("GET /sessions/many HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    /** Reads what the stalled client was sent, to its end: the server closed it if the stream ends. */
    private static boolean closedByServer(Socket s) throws Exception {
        s.setSoTimeout(10_000);
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[1 << 16];
        try {
            while (in.read(buffer) >= 0) {
                // drain
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset by the server
        } finally {
            s.close();
        }
    }

    private static long hwmKiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }
}
