package dev.sigil.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import dev.sigil.contract.codec.ByteSink;
import dev.sigil.contract.codec.FastCanonical;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.event.Level;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.LogEventDecoder;
import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;
import dev.sigil.monitor.view.DashboardView;
import dev.sigil.monitor.view.Theme;
import dev.sigil.print.FastLineFormat;
import dev.sigil.tail.LineAssembler;
import dev.sigil.tokens.TokenCounter;
import dev.sigil.tokens.TokenEncoding;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import tools.jackson.databind.JsonNode;

/**
 * Microbenchmarks of sigil's hot paths, each on one typical line of the generated execution log (see
 * scripts/bench/genlog.py): the exact and the fast paths side by side. Run by scripts/bench/run.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotPathsBench {

    static final String LINE = "{\"timestamp\":\"2026-01-11T10:00:01.101890\",\"session_id\":\"s-000001\",\"event_type\":\"step_complete\","
            + "\"component\":\"reasoning\",\"message\":\"Step complete: Parsed \\\"quoted\\\" field from tool output\",\"tokens\":448,"
            + "\"metadata\":{\"latency_ms\":2206.4,\"operation\":\"classify_intent\",\"context\":{\"items\":40,\"tag\":\"summary\"}}}";

    private final PythonJsonReader reader = new PythonJsonReader();
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);
    private final SchemaValidator schema = SchemaValidator.executionEntry();
    private final FastLineFormat lineFormat = new FastLineFormat();
    private final FastCanonical canonical = new FastCanonical();
    private final ByteSink sink = new ByteSink(1024);
    private byte[] line;
    private JsonNode tree;
    private TokenCounter tokens;
    private byte[] chunk;
    private MonitorState state;
    private MonitorAction.LinesAppended batch;
    private DashboardView view;
    private Buffer buffer;

    @Setup
    public void setUp() {
        line = LINE.getBytes(StandardCharsets.UTF_8);
        tree = reader.read(line);
        tokens = TokenCounter.of(TokenEncoding.DEFAULT);
        StringBuilder lines = new StringBuilder();
        while (lines.length() < 64 << 10) {
            lines.append(LINE).append('\n');
        }
        chunk = lines.toString().getBytes(StandardCharsets.UTF_8);
        LogEvent event = LogEventDecoder.decode(tree);
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(event);
        }
        batch = new MonitorAction.LinesAppended(events, 1_000);
        state = Reducer.reduce(MonitorState.initial("bench.jsonl", true, "", Level.INFO), new MonitorAction.Resize(120, 40));
        state = Reducer.reduce(state, batch);
        view = new DashboardView(Theme.mono());
        buffer = Buffer.empty(Rect.of(120, 40));
    }

    @Benchmark
    public byte[] encode() {
        sink.reset();
        writer.write(tree, sink);
        return sink.array();
    }

    @Benchmark
    public JsonNode decodeTree() {
        return reader.read(line);
    }

    @Benchmark
    public int decodeToLineFormat() {
        sink.reset();
        lineFormat.format(line, 0, line.length, sink);
        return sink.size();
    }

    @Benchmark
    public int reencodeFast() {
        sink.reset();
        canonical.write(line, 0, line.length, sink);
        return sink.size();
    }

    @Benchmark
    public boolean validateOneFast() {
        return schema.certainlyValid(line, 0, line.length);
    }

    @Benchmark
    public int validateOneNetworknt() {
        return schema.validate(tree).size();
    }

    @Benchmark
    public int countTokens() {
        return tokens.count("Step complete: Parsed \"quoted\" field from tool output");
    }

    /** 64 KiB of lines (about 250) into complete lines. */
    @Benchmark
    public void assembleLines64k(Blackhole hole) {
        LineAssembler assembler = new LineAssembler(1 << 20);
        assembler.feed(chunk, 0, chunk.length, new LineAssembler.Sink() {
            @Override
            public void line(long number, long offset, byte[] bytes, int from, int to) {
                hole.consume(to);
            }

            @Override
            public void tooLong(long number, long offset, long length) {
                hole.consume(length);
            }
        });
    }

    /** One batch of 100 events into the monitor's state. */
    @Benchmark
    public MonitorState reduce100Events() {
        return Reducer.reduce(state, batch);
    }

    /** One dashboard frame, 120x40, into an off-screen buffer. */
    @Benchmark
    public Buffer renderFrame() {
        buffer.clear();
        view.render(state, buffer.area(), buffer);
        return buffer;
    }
}
