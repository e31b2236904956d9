package dev.sigil.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The webhook action against a real HTTP server on 127.0.0.1 (port 0) that fails, stalls and recovers: every alert is
 * delivered once or said not to have been, and {@link Delivery#deliver} never waits for the receiver.
 */
class DeliveryTest {

    /** What the receiver does with the n-th request (0-based). */
    private interface Script {
        String answer(int n);
    }

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    /** Keys the receiver answered 200 to without stalling, with how often. */
    private final Map<String, Integer> answered = new ConcurrentHashMap<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private String start(Script script) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", ex -> handle(ex, script));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private void handle(HttpExchange ex, Script script) throws IOException {
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        String what = script.answer(requests.getAndIncrement());
        try {
            switch (what) {
                case "fail" -> ex.sendResponseHeaders(503, -1);
                case "hold" -> {
                    release.await(10, TimeUnit.SECONDS); // the run must not be waiting for this
                    answered.merge(key, 1, Integer::sum);
                    bodies.add(body);
                    ex.sendResponseHeaders(200, -1);
                }
                case "stall" -> {
                    Thread.sleep(1_500); // longer than the try's timeout: the sender gives up on this try
                    ex.sendResponseHeaders(200, -1);
                }
                default -> {
                    answered.merge(key, 1, Integer::sum);
                    bodies.add(body);
                    ex.sendResponseHeaders(200, -1);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ex.close();
        }
    }

    private static Rule rule(String name, String action) {
        return RulesFile.read("r.yaml", ("rules:\n  - name: " + name + "\n    metric: events\n    op: '>'\n    threshold: 0\n    actions: [" + action
                + "]\n").getBytes(StandardCharsets.UTF_8)).rules().get(0);
    }

    private static Alert alert(Rule rule, int line) {
        return new Alert(rule, BigDecimal.valueOf(line), "s1", "2026-03-02T10:00:" + String.format("%02d", line % 60), "run.jsonl", line);
    }

    /** The notes, and the keys of the alerts said not to have been sent (read back from the notes' words). */
    private static final class Notes implements Delivery.Out {
        final List<String> notes = new CopyOnWriteArrayList<>();
        final List<String> delivered = new CopyOnWriteArrayList<>();

        @Override
        public void stdout(String line) {
        }

        @Override
        public void stderr(String line) {
        }

        @Override
        public void note(String text) {
            notes.add(text);
        }

        @Override
        public void delivered(Alert a, Rule.Action action) {
            delivered.add(Delivery.key(a));
        }

        Set<String> unsent() {
            Set<String> out = new HashSet<>();
            Pattern p = Pattern.compile("alert of (\\S+) not sent");
            for (String n : notes) {
                Matcher m = p.matcher(n);
                if (m.find()) {
                    out.add(m.group(1));
                }
            }
            return out;
        }
    }

    @Test
    void aReceiverThatFailsStallsAndRecoversGetsEveryAlertOnceOrItIsSaidUndelivered() throws Exception {
        // 0-1 fail, 2 stalls, 3.. fail every fourth, answer the rest; alert 5's three tries all fail
        String url = start(n -> n < 2 ? "fail" : n == 2 ? "stall" : n >= 8 && n <= 10 ? "fail" : n % 4 == 3 ? "fail" : "ok");
        Rule rule = rule("hook", "{webhook: '" + url + "', timeout: 400ms, retries: 2}");
        Notes out = new Notes();
        Delivery delivery = new Delivery(out);
        List<Alert> alerts = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            alerts.add(alert(rule, i));
            delivery.deliver(alerts.get(i - 1));
        }
        delivery.close(60_000);
        Set<String> sent = new HashSet<>(answered.keySet());
        for (Alert a : alerts) {
            String key = Delivery.key(a);
            boolean got = sent.contains(key);
            boolean said = out.unsent().contains(a.timestamp());
            assertThat(got ^ said).as("%s: delivered (%s) or said undelivered (%s), one of the two: %s", key, got, said, out.notes).isTrue();
            assertThat(got).isEqualTo(out.delivered.contains(key));
        }
        assertThat(answered.values()).as("none twice").allMatch(n -> n == 1);
        assertThat(sent).as("the receiver recovered").hasSizeGreaterThanOrEqualTo(5);
        assertThat(out.unsent()).as("a run of failures longer than the retries").isNotEmpty();
        assertThat(delivery.undelivered()).isEqualTo(out.unsent().size());
        assertThat(bodies).allMatch(b -> b.startsWith("{\"rule\":\"hook\",\"severity\":\"warning\",\"metric\":\"events\",\"value\":"));
    }

    @Test
    void deliveringNeverWaitsForTheReceiver() throws Exception {
        String url = start(n -> "hold");
        Rule rule = rule("held", "stdout, {webhook: '" + url + "'}, stderr");
        List<String> printed = new CopyOnWriteArrayList<>();
        Delivery delivery = new Delivery(new Delivery.Out() {
            @Override
            public void stdout(String line) {
                printed.add("out " + line);
            }

            @Override
            public void stderr(String line) {
                printed.add("err " + line);
            }

            @Override
            public void note(String text) {
                printed.add("note " + text);
            }
        });
        for (int i = 1; i <= 3; i++) {
            delivery.deliver(alert(rule, i));
        }
        // the receiver holds every request until released: deliver() returned, and the lines are printed, before that
        assertThat(answered).isEmpty();
        assertThat(printed).hasSize(6).allMatch(l -> l.startsWith("out ") || l.startsWith("err "));
        release.countDown();
        delivery.close(30_000);
        assertThat(answered).hasSize(3);
    }

    @Test
    void aRulesRateLimitHoldsBackWhatIsOverItAndSaysSo() throws Exception {
        String url = start(n -> "ok");
        Rule rule = rule("limited", "{webhook: '" + url + "', rate_limit: 2/m, format: slack}");
        AtomicLong now = new AtomicLong(1_000_000);
        Notes out = new Notes();
        Delivery delivery = new Delivery(out, now::get);
        delivery.deliver(alert(rule, 1));
        delivery.deliver(alert(rule, 2));
        delivery.deliver(alert(rule, 3)); // the third in the same minute
        delivery.close(30_000);
        assertThat(out.delivered).hasSize(2);
        assertThat(out.notes).singleElement().asString().contains("rule limited", "alert of 2026-03-02T10:00:03 not sent",
                "held back by the rule's rate limit of 2 per minute");
        assertThat(bodies).allMatch(b -> b.startsWith("{\"text\":\"2026-03-02T10:00:0") && b.contains("WARNING limited: events"));

        Delivery later = new Delivery(out, now::get);
        now.addAndGet(60_000);
        later.deliver(alert(rule, 4));
        later.close(30_000);
        assertThat(out.delivered).as("a minute later the limit lets one through").hasSize(3);
    }

    @Test
    void aReceiverThatIsNotThereIsSaidOnceAndTheRunGoesOn() {
        Rule rule = rule("gone", "{webhook: 'http://127.0.0.1:9/nothing', retries: 1, timeout: 300ms}");
        Notes out = new Notes();
        Delivery delivery = new Delivery(out);
        delivery.deliver(alert(rule, 7));
        delivery.close(30_000);
        assertThat(out.notes).singleElement().asString().contains("rule gone: webhook http://127.0.0.1:9/nothing: alert of 2026-03-02T10:00:07 not sent",
                "(2 tries)");
    }
}
