package dev.sigil.monitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.sigil.monitor.Lines;
import dev.sigil.monitor.state.Coalescing;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.SessionChoice;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.export.ExportRequest;
import dev.tamboui.layout.Size;
import dev.tamboui.tui.TuiConfig;
import dev.tamboui.tui.event.KeyCode;
import dev.tamboui.tui.event.KeyModifiers;
import dev.tamboui.tui.pilot.Pilot;
import dev.tamboui.tui.pilot.TuiTestRunner;

/**
 * The render loop with TamboUI's test runner: queued actions reach the screen at the next tick, keys go through the
 * key map, the picker asks for sessions and a pick asks to follow one, resize redraws, q and Ctrl-C quit.
 */
class DashboardAppTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-01-11T10:16:02Z");

    private final ConcurrentLinkedQueue<MonitorAction> queue = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Buffer> frame = new AtomicReference<>();
    private final List<String> followed = new ArrayList<>();

    private DashboardApp app() {
        DashboardApp.Effects effects = new DashboardApp.Effects() {
            @Override
            public void listSessions() {
                queue.add(new MonitorAction.SessionsListed(List.of(new SessionChoice("older", 1, 10), new SessionChoice("oldest", 0, 10))));
            }

            @Override
            public void follow(String sessionId) {
                followed.add(sessionId);
            }

            @Override
            public void readEntry(dev.sigil.monitor.state.EventRow row) {
                queue.add(new MonitorAction.EntryRead(row.seq(), "log.jsonl:" + row.position().line(), List.of("{", "  \"read\": true", "}"), ""));
            }

            @Override
            public void loadHistory() {
                queue.add(new MonitorAction.HistoryLoaded(dev.sigil.monitor.state.History.failed("not in this test")));
            }
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new DashboardApp(Fixtures.initial(), this::drain, effects, clock, Theme.mono());
    }

    private List<MonitorAction> drain() {
        List<MonitorAction> all = new ArrayList<>();
        for (MonitorAction a; (a = queue.poll()) != null; ) {
            all.add(a);
        }
        return Coalescing.coalesce(all);
    }

    private TuiTestRunner start(DashboardApp app, int width, int height) throws Exception {
        TuiConfig config = TuiConfig.builder().backend(new SleepyTestBackend(width, height)).rawMode(false)
                .alternateScreen(false).hideCursor(false).shutdownHook(false).tickRate(Duration.ofMillis(100))
                .pollTimeout(Duration.ofMillis(20)).postRenderProcessor(f -> frame.set(f.buffer().copy())).build();
        return TuiTestRunner.runTest(app::handle, app::render, new Size(width, height), config);
    }

    @Test
    void linesKeysPickerAndQuit() throws Exception {
        DashboardApp app = app();
        try (TuiTestRunner test = start(app, 80, 24)) {
            Pilot pilot = test.pilot();
            queue.add(new MonitorAction.SourceOpened(Fixtures.SOURCE));
            queue.add(new MonitorAction.LinesAppended(Lines.decodeAll(
                    Lines.start("2026-01-11T10:15:32", "app-1", 1000) + "\n"
                            + Lines.entry("2026-01-11T10:15:40", "app-1", "step_complete", "routing", "Routed well", 250, 80)), NOW.toEpochMilli()));
            String screen = waitFor(s -> s.contains("Routed well"));
            assertThat(screen).contains("session app-1", "RUNNING", "25.00%", "used 250 of 1,000");

            pilot.press('p');
            assertThat(waitFor(s -> s.contains("PAUSED"))).contains("PAUSED");
            pilot.press('p');
            waitFor(s -> !s.contains("PAUSED"));

            pilot.press('?');
            waitFor(s -> s.contains("Keys"));
            pilot.press('x');
            waitFor(s -> !s.contains("any key closes it"));

            pilot.press('/');
            pilot.press('z');
            assertThat(waitFor(s -> s.contains("filter: z"))).contains("no event matches the filter");
            pilot.press(KeyCode.ESCAPE);
            waitFor(s -> s.contains("Routed well"));

            pilot.press('s');
            assertThat(waitFor(s -> s.contains("oldest"))).contains("Sessions", "older"); // the list arrives as an action, off the render thread
            pilot.press(KeyCode.DOWN);
            pilot.press(KeyCode.ENTER);
            waitFor(s -> !s.contains("Sessions"));
            assertThat(followed).containsExactly("oldest");

            test.backend().resize(40, 12); // as a terminal does: the size changes, the runner is told
            assertThat(waitFor(s -> s.lines().findFirst().orElse("").length() == 40)).contains("skipped");

            pilot.press('q');
            waitUntil(() -> !test.runner().isRunning());
        }
    }

    @Test
    void ctrlCQuitsEvenWhileTypingAFilter() throws Exception {
        DashboardApp app = app();
        try (TuiTestRunner test = start(app, 80, 24)) {
            test.pilot().press('/');
            waitFor(s -> s.contains("filter:"));
            test.pilot().press('c', KeyModifiers.CTRL);
            waitUntil(() -> !test.runner().isRunning());
        }
    }

    private String waitFor(Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            Buffer b = frame.get();
            text = b == null ? "" : ExportRequest.export(b).text().toString();
            if (condition.test(text)) {
                return text;
            }
            Thread.sleep(20); // waiting for the render thread; nothing about timing is asserted
        }
        throw new AssertionError("the screen never showed what was expected; last frame:\n" + text);
    }

    private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
