package dev.sigil.monitor.view;

import static dev.sigil.monitor.view.Fixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.sigil.contract.codec.IndentedJson;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.monitor.state.EventRow;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorAction.Command;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;
import dev.sigil.monitor.state.SessionChoice;
import dev.sigil.monitor.state.Update;
import dev.sigil.testing.Snapshots;

/**
 * The dashboard drawn into TamboUI's in-memory buffer, compared with reviewed golden text under
 * src/test/resources/snapshots/monitor/ (rewrite with -Dsnapshot.update=true, then look at the diff): every scene at
 * 80x24, 120x40 and 200x50, and the main ones in the compact layout at 40x12.
 */
class DashboardSnapshotTest {

    static final String SESSION_LOG = "/home/ada/.sigil/logs/sessions/sess_4f9a1c2b3d5e/execution.jsonl";

    static final List<String> SCENES = List.of("waiting", "running", "complete", "dismissed", "help", "filtering", "scrolled",
            "top", "warnings", "picker", "picker-typed", "paused", "entry", "entry-scrolled", "confirm", "ended", "ended-dismissed",
            "long", "unknown-filter", "paused-long");

    static List<Arguments> sizes() {
        List<Arguments> out = new ArrayList<>();
        for (String scene : SCENES) {
            for (int[] size : new int[][] {{80, 24}, {120, 40}, {200, 50}}) {
                out.add(Arguments.of(scene, size[0], size[1]));
            }
        }
        for (String scene : List.of("waiting", "running", "complete", "help", "long", "paused-long")) {
            out.add(Arguments.of(scene, 40, 12));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @MethodSource("sizes")
    void dashboard(String scene, int width, int height) {
        Snapshots.assertMatches("monitor/" + scene + "-" + width + "x" + height, render(sized(scene(scene), width, height), width, height, Theme.mono()));
    }

    @Test
    void theSelectedEventIsDrawnReversedAndNoRowGoesBlankWhenThereIsNothingToScroll() {
        MonitorState s = sized(Fixtures.running(), 120, 40);
        for (int up = 0; up < 15; up++) {
            dev.tamboui.buffer.Buffer b = Fixtures.draw(s, 120, 40, Theme.mono());
            String text = dev.tamboui.export.ExportRequest.export(b).text().toString();
            EventRow selected = s.selectedEvent();
            List<String> rows = text.lines().toList();
            int row = -1;
            for (int y = 0; y < rows.size() && row < 0; y++) {
                String m = Labels.safe(selected.message());
                if (rows.get(y).contains(m.substring(0, Math.min(12, m.length())))) {
                    row = y; // the first: the events table is above the errors, which may hold the same message
                }
            }
            assertThat(row).as("the selected event is on screen after %d ups", up).isPositive();
            assertThat(b.get(30, row).style().addModifiers().toString()).contains("REVERSED");
            assertThat(rows.get(row)).as("marked in text too").contains("›");
            assertThat(text).as("all 11 events stay on screen").contains("Starting pipeline for", "Output verified against");
            s = key(s, Command.UP);
        }
    }

    @Test
    void theHeaderKeepsTheSessionItsStatusAndPausedWholeAtAnyWidth() {
        for (int width : new int[] {200, 80, 60, 50, 40}) {
            String header = render(sized(scene("paused-long"), width, 24), width, 24, Theme.mono()).lines().findFirst().orElseThrow();
            assertThat(header).as("%d columns", width).contains("sess_4f9a1c2b3d5e  RUNNING", width >= 50 ? "PAUSED +1 new" : "PAUSED +1");
        }
        String wide = render(sized(scene("paused-long"), 200, 50), 200, 50, Theme.mono()).lines().findFirst().orElseThrow();
        assertThat(wide).startsWith(" SIGIL MONITOR  session sess_4f9a1c2b3d5e  RUNNING").contains("17 events");
    }

    private static MonitorState sized(MonitorState s, int width, int height) {
        return Reducer.reduce(s, new MonitorAction.Resize(width, height));
    }

    static MonitorState scene(String name) {
        return switch (name) {
            case "waiting" -> Reducer.reduce(MonitorState.initial(
                    "/home/ada/.sigil/logs/sessions/sess_4f9a1c2b3d5e/execution.jsonl", true, "", dev.sigil.contract.event.Level.INFO),
                    Fixtures.tickAt("10:16:02"));
            case "running" -> Fixtures.running();
            case "complete" -> Fixtures.complete();
            case "dismissed" -> key(Fixtures.complete(), Command.CANCEL);
            case "help" -> key(Fixtures.running(), Command.HELP);
            case "filtering" -> type(key(Fixtures.running(), Command.FILTER), "reason");
            case "scrolled" -> key(key(Fixtures.running(), Command.UP), Command.UP);
            case "top" -> key(Fixtures.read("long-session.jsonl", "10:16:02", SESSION_LOG), Command.HOME);
            case "warnings" -> key(Fixtures.running(), Command.CYCLE_LEVEL);
            case "picker" -> listed(key(Fixtures.running(), Command.PICK_SESSION));
            case "picker-typed" -> type(listed(key(Fixtures.running(), Command.PICK_SESSION)), "acme");
            case "paused" -> {
                MonitorState s = key(Fixtures.running(), Command.PAUSE);
                yield Reducer.reduce(s, new MonitorAction.LinesAppended(dev.sigil.monitor.Lines.decodeAll(
                        dev.sigil.monitor.Lines.entry("2026-01-11T10:16:01", "demo-7", "step_complete", "validation",
                                "not shown while paused", 5, 1)), 0));
            }
            case "paused-long" -> Reducer.reduce(key(scene("long"), Command.PAUSE), new MonitorAction.LinesAppended(dev.sigil.monitor.Lines.decodeAll(
                    dev.sigil.monitor.Lines.entry("2026-01-11T10:16:01", "sess_4f9a1c2b3d5e", "step_complete", "validation",
                            "not shown while paused", 5, 1)), 0));
            case "entry" -> entry(0);
            case "entry-scrolled" -> {
                MonitorState s = entry(0);
                for (int i = 0; i < 30; i++) {
                    s = key(s, Command.DOWN);
                }
                yield s;
            }
            case "confirm" -> key(Fixtures.running().attachedToRun(), Command.QUIT);
            case "ended" -> Reducer.reduce(Fixtures.complete().attachedToRun(), new MonitorAction.RunEnded());
            case "ended-dismissed" -> key(scene("ended"), Command.CANCEL);
            case "long" -> Fixtures.read("long-session.jsonl", "10:16:02", SESSION_LOG);
            case "unknown-filter" -> unknownFilter();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The long session's newest reasoning step opened with Enter, {@code up} events above the newest. */
    private static MonitorState entry(int up) {
        MonitorState s = Fixtures.read("long-session.jsonl", "10:16:02", SESSION_LOG);
        for (int i = 0; i < up + 4; i++) {
            s = key(s, Command.UP); // onto the last reasoning step, which holds a 4 KiB output
        }
        Update opened = Reducer.update(s, new MonitorAction.Key(Command.CONFIRM));
        EventRow row = opened.state().selectedEvent();
        String line = Fixtures.text("long-session.jsonl").split("\n")[(int) row.position().line() - 1];
        byte[] pretty = new IndentedJson(new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS))
                .encode(new PythonJsonReader().read(line.getBytes(StandardCharsets.UTF_8)));
        List<String> lines = List.of(new String(pretty, StandardCharsets.US_ASCII).split("\n"));
        return Reducer.reduce(opened.state(), new MonitorAction.EntryRead(row.seq(), SESSION_LOG + ":" + row.position().line(), lines, ""));
    }

    /** {@code --filter routng}: no component is called that. */
    private static MonitorState unknownFilter() {
        MonitorState s = MonitorState.initial(Fixtures.SOURCE, true, "routng", dev.sigil.contract.event.Level.INFO);
        s = Reducer.reduce(Reducer.reduce(s, Fixtures.tickAt("10:16:02")), new MonitorAction.SourceOpened(Fixtures.SOURCE));
        return Reducer.reduce(s, new MonitorAction.LinesAppended(dev.sigil.monitor.Lines.decodeAll(Fixtures.text("running-session.jsonl")),
                Fixtures.tickAt("10:16:02").epochMillis()));
    }

    private static MonitorState listed(MonitorState s) {
        return Reducer.reduce(s, new MonitorAction.SessionsListed(List.of(
                new SessionChoice("demo-7", 1_768_126_562_000L, 4_096, "running", "Analyze Acme Corp", "2026-01-11T10:15:32.123456", 15_150),
                new SessionChoice("sess_4f9a1c2b3d5e", 1_768_120_000_000L, 61_440, "complete",
                        "Qualify this lead: John Smith, CEO at Acme Corp", "2026-01-11T08:20:07.500000", 48_211),
                new SessionChoice("demo-6", 1_768_040_000_000L, 120_000, "error", "Summarise the quarterly report", "2026-01-10T09:53:20", 3_100),
                new SessionChoice("empty-1", 1_768_000_000_000L, 0))));
    }

    private static MonitorState type(MonitorState s, String text) {
        for (char c : text.toCharArray()) {
            s = Reducer.reduce(s, new MonitorAction.TypeChar(c));
        }
        return s;
    }

    private static MonitorState key(MonitorState s, Command c) {
        return Reducer.reduce(s, new MonitorAction.Key(c));
    }
}
