package dev.sigil.monitor.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import dev.sigil.contract.event.Level;
import dev.sigil.cost.UsagePricer;
import dev.sigil.monitor.Lines;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;
import dev.sigil.prices.BundledPrices;
import dev.sigil.spend.Prices;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.export.ExportRequest;
import dev.tamboui.layout.Rect;

/** States for the view tests, built through the reducer from logs under src/test/resources/monitor/. */
final class Fixtures {

    static final String SOURCE = "/home/ada/.sigil/logs/current.jsonl";

    private Fixtures() {
    }

    /** The wall clock at {@code 2026-01-11T<time>} (UTC offset 0, like the naive log times). */
    static MonitorAction.Tick tickAt(String time) {
        long millis = LocalDateTime.parse("2026-01-11T" + time).toInstant(ZoneOffset.UTC).toEpochMilli();
        return new MonitorAction.Tick(millis, 0);
    }

    static MonitorState initial() {
        return MonitorState.initial(SOURCE, true, "", Level.INFO);
    }

    /** The bundled prices, naive times taken as UTC (the fixtures' clock). */
    static final Prices PRICES = new Prices(new UsagePricer(BundledPrices::catalog)::usd, ZoneOffset.UTC);

    /** A state after reading {@code resource} (and a few problem lines), at {@code time}. */
    static MonitorState read(String resource, String time) {
        return read(resource, time, SOURCE);
    }

    /** A state after reading {@code resource} with prices, at {@code time}. */
    static MonitorState priced(String resource, String time) {
        return read(MonitorState.initial(SOURCE, true, "", Level.INFO, PRICES), resource, time, SOURCE);
    }

    /** A state after reading {@code resource} as the log {@code source}, each line with where it was read. */
    static MonitorState read(String resource, String time, String source) {
        return read(MonitorState.initial(source, true, "", Level.INFO), resource, time, source);
    }

    private static MonitorState read(MonitorState initial, String resource, String time, String source) {
        MonitorState s = Reducer.reduce(initial, tickAt(time));
        s = Reducer.reduce(s, new MonitorAction.SourceOpened(source));
        String text = text(resource);
        s = Reducer.reduce(s, new MonitorAction.LinesAppended(Lines.decodeAll(text), tickAt(time).epochMillis(), positions(source, text)));
        return Reducer.reduce(s, new MonitorAction.LineProblems(1, 0, 2));
    }

    static String text(String resource) {
        try {
            return Files.readString(Path.of("src/test/resources/monitor", resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where each non-blank line of {@code text} starts: its number and byte offset. */
    static java.util.List<MonitorAction.Position> positions(String source, String text) {
        java.util.List<MonitorAction.Position> out = new java.util.ArrayList<>();
        long offset = 0;
        long number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (!line.isBlank()) {
                out.add(new MonitorAction.Position(source, number, offset));
            }
            offset += line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
        }
        return out;
    }

    static MonitorState running() {
        return read("running-session.jsonl", "10:16:02");
    }

    static MonitorState complete() {
        return read("complete-session.jsonl", "10:16:02");
    }

    /** The text of {@code state} drawn at {@code width} x {@code height}. */
    static String render(MonitorState state, int width, int height, Theme theme) {
        Buffer buffer = draw(state, width, height, theme);
        return ExportRequest.export(buffer).text().toString();
    }

    static Buffer draw(MonitorState state, int width, int height, Theme theme) {
        return draw(state, width, height, theme, Display.DEFAULTS);
    }

    static Buffer draw(MonitorState state, int width, int height, Theme theme, Display display) {
        MonitorState sized = Reducer.reduce(state, new MonitorAction.Resize(width, height));
        Buffer buffer = Buffer.empty(Rect.of(width, height));
        new DashboardView(theme, display).render(sized, buffer.area(), buffer);
        return buffer;
    }

    static String render(MonitorState state, int width, int height, Display display) {
        return ExportRequest.export(draw(state, width, height, Theme.mono(), display)).text().toString();
    }
}
