package dev.sigil.monitor.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.monitor.Lines;
import dev.sigil.monitor.state.MonitorAction.Command;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of the reducer over random action sequences (jqwik prints the seed of a failing run). Sequences are
 * recipes: "restate" becomes a {@code session_complete} carrying the running total at the moment it is applied.
 */
class ReducerProperties {

    private static final String[] TYPES = {"session_start", "session_complete", "session_error", "step_start",
        "step_complete", "step_error", "token_consumption", "budget_warning", "budget_exceeded", "retry_attempt",
        "memory_retrieved", "plan_created", "reasoning_step", "contract_validated", "error", "alert"};
    private static final String[] COMPONENTS = {"orchestrator", "routing", "memory", "planning", "reasoning", "contracts",
        "validation", "tools", "ünïcode"};

    /** One step of a recipe. */
    sealed interface Step {
    }

    record Entry(String type, String component, long tokens, int second, double latency) {
    }

    record Append(List<Entry> entries) implements Step {
    }

    record Restate() implements Step {
    }

    record Act(MonitorAction action) implements Step {
    }

    @Property(tries = 150)
    void tokensUsedIsTheSumOfAppendedEntriesMinusRestatements(@ForAll("recipes") List<Step> recipe) {
        MonitorState s = ReducerTest.start();
        long expected = 0;
        // recipes use one session id, so a rotation never starts a new session here
        for (Step step : recipe) {
            List<String> lines = new ArrayList<>();
            if (step instanceof Append a) {
                for (Entry e : a.entries()) {
                    lines.add(line(e));
                    long tokens = e.type().equals("session_start") ? 0 : e.tokens(); // line() writes starts with 0
                    boolean restated = e.type().equals("session_complete") && tokens > 0 && tokens == expected;
                    expected += restated ? 0 : tokens;
                }
            } else if (step instanceof Restate) {
                lines.add(line(new Entry("session_complete", "orchestrator", expected, 59, Double.NaN)));
            } else {
                MonitorAction action = ((Act) step).action();
                if (action instanceof MonitorAction.Truncated || action instanceof MonitorAction.Replaced
                        || action instanceof MonitorAction.SessionSwitched) {
                    expected = 0;
                }
                s = Reducer.reduce(s, action);
            }
            if (!lines.isEmpty()) {
                s = Reducer.reduce(s, new MonitorAction.LinesAppended(lines.stream().map(Lines::decode).toList(), 0));
            }
            assertThat(s.session().tokensUsed()).isEqualTo(expected);
            assertThat(s.session().tokensRemaining()).isEqualTo(Math.max(0, s.session().budget() - expected));
        }
    }

    @Property(tries = 150)
    void sizesStayBoundedStatusMovesLegallyAndScrollStaysInside(@ForAll("recipes") List<Step> recipe) {
        // half the recipes watch an attached run (orchestrate --monitor), whose keys ask before quitting
        MonitorState s = recipe.size() % 2 == 0 ? ReducerTest.start().attachedToRun() : ReducerTest.start();
        for (Step step : recipe) {
            MonitorState before = s;
            s = apply(s, step);
            assertThat(before.session().status().canMoveTo(s.session().status()))
                    .as("%s -> %s after %s", before.session().status(), s.session().status(), step).isTrue();
            SessionStats session = s.session();
            assertThat(session.recent().size()).isLessThanOrEqualTo(SessionStats.RECENT_CAPACITY);
            assertThat(session.errors().size()).isLessThanOrEqualTo(SessionStats.ERRORS_CAPACITY);
            assertThat(session.components().size()).isLessThanOrEqualTo(SessionFold.MAX_COMPONENTS);
            assertThat(session.history().values().length).isLessThanOrEqualTo(TokenHistory.CAPACITY);
            assertThat(s.ui().effectiveFilter().length()).isLessThanOrEqualTo(UiState.MAX_FILTER);
            assertThat(s.ui().scroll()).isBetween(0, Math.max(0, s.visibleEvents().size() - 1));
            assertThat(s.ui().pickerIndex()).isBetween(0, Math.max(0, s.ui().sessions().size() - 1));
            assertThat(s.ui().pickerFilter().length()).isLessThanOrEqualTo(UiState.MAX_FILTER);
            assertThat(s.ui().confirmQuit()).as("asks only while an attached run goes on").isEqualTo(s.ui().confirmQuit() && s.run() == Run.RUNNING);
            assertThat(s.ui().detail() == null || s.ui().detail().scroll() >= 0).isTrue();
            for (EventRow r : session.recent().items()) {
                assertThat(r.message().length()).isLessThanOrEqualTo(EventRow.MAX_MESSAGE);
            }
        }
    }

    @Property(tries = 100)
    void howLinesAreBatchedDoesNotChangeWhatIsCounted(@ForAll("entries") List<Entry> entries,
                                                     @ForAll("cuts") List<Integer> cuts) {
        List<LogEvent> events = entries.stream().map(ReducerProperties::line).map(Lines::decode).toList();
        MonitorState whole = Reducer.reduce(ReducerTest.start(), new MonitorAction.LinesAppended(events, 0));
        MonitorState pieces = ReducerTest.start();
        int from = 0;
        for (int cut : cuts.stream().map(c -> Math.min(c, events.size())).sorted().toList()) {
            pieces = Reducer.reduce(pieces, new MonitorAction.LinesAppended(events.subList(from, Math.max(from, cut)), 0));
            from = Math.max(from, cut);
        }
        pieces = Reducer.reduce(pieces, new MonitorAction.LinesAppended(events.subList(from, events.size()), 0));
        assertThat(projection(pieces.session())).isEqualTo(projection(whole.session()));
    }

    @Property(tries = 100)
    void coalescingQueuedActionsGivesTheSameState(@ForAll("queued") List<MonitorAction> actions) {
        MonitorState one = Reducer.reduceAll(ReducerTest.start(), actions);
        MonitorState merged = Reducer.reduceAll(ReducerTest.start(), Coalescing.coalesce(actions));
        assertThat(projection(merged.session())).isEqualTo(projection(one.session()));
        assertThat(merged.reader()).isEqualTo(one.reader());
        assertThat(merged.ui()).isEqualTo(one.ui());
        assertThat(merged.clock()).isEqualTo(one.clock());
    }

    /** What the tailer and the clock post between two frames: lines, problem counts, ticks in time order, resizes. */
    @Provide
    Arbitrary<List<MonitorAction>> queued() {
        Arbitrary<MonitorAction> one = Arbitraries.oneOf(
                entry().list().ofMaxSize(5).map(es -> (MonitorAction) new MonitorAction.LinesAppended(
                        es.stream().map(ReducerProperties::line).map(Lines::decode).toList(), 1000)),
                Arbitraries.longs().between(0, 3).map(n -> (MonitorAction) new MonitorAction.LineProblems(n, 0, n)),
                Arbitraries.just(new MonitorAction.Tick(0, 0)),
                Arbitraries.integers().between(1, 200).map(w -> (MonitorAction) new MonitorAction.Resize(w, 30)));
        return one.list().ofMaxSize(30).map(ReducerProperties::timeOrdered);
    }

    private static List<MonitorAction> timeOrdered(List<MonitorAction> actions) {
        List<MonitorAction> out = new ArrayList<>();
        long t = 0;
        for (MonitorAction a : actions) {
            out.add(a instanceof MonitorAction.Tick ? new MonitorAction.Tick(t += 7_000, 0) : a);
        }
        return out;
    }

    private static List<Object> projection(SessionStats s) {
        return List.of(s.status(), s.tokensUsed(), s.restatements(), s.budget(), s.components(), s.recent().items(),
                s.errors().items(), Arrays.toString(s.history().values()), s.history().bucketSeconds(),
                String.valueOf(s.start()), String.valueOf(s.end()), s.sessionId());
    }

    private static MonitorState apply(MonitorState s, Step step) {
        if (step instanceof Append a) {
            return Reducer.reduce(s, new MonitorAction.LinesAppended(a.entries().stream().map(ReducerProperties::line)
                    .map(Lines::decode).toList(), 0));
        }
        if (step instanceof Restate) {
            String line = line(new Entry("session_complete", "orchestrator", s.session().summedTokens(), 59, Double.NaN));
            return Reducer.reduce(s, new MonitorAction.LinesAppended(List.of(Lines.decode(line)), 0));
        }
        return Reducer.reduce(s, ((Act) step).action());
    }

    static String line(Entry e) {
        String ts = String.format("2026-01-11T10:%02d:%02d.%06d", e.second() / 60 % 60, e.second() % 60, e.second() * 7 % 1_000_000);
        if (e.type().equals("session_start")) {
            return Lines.start(ts, "prop", 1 + e.tokens());
        }
        String message = e.component().repeat(1 + (int) (e.tokens() % 3)) + " \u001b[31m" + e.type();
        return Lines.entry(ts, "prop", e.type(), e.component(), message, e.tokens(), e.latency());
    }

    @Provide
    Arbitrary<List<Entry>> entries() {
        return entry().list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 40).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Step>> recipes() {
        return step().list().ofMaxSize(40);
    }

    private Arbitrary<Step> step() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, entry().list().ofMinSize(1).ofMaxSize(12).map(Append::new)),
                net.jqwik.api.Tuple.of(1, entry().list().ofSize(400).map(Append::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Restate())),
                net.jqwik.api.Tuple.of(8, action().map(Act::new)));
    }

    private Arbitrary<Entry> entry() {
        Arbitrary<Long> tokens = Arbitraries.oneOf(Arbitraries.longs().between(0, 500), Arbitraries.longs().between(0, 1_000_000_000_000L),
                Arbitraries.just(0L));
        Arbitrary<Double> latency = Arbitraries.oneOf(Arbitraries.just(Double.NaN), Arbitraries.doubles().between(0, 5000));
        return Combinators.combine(Arbitraries.of(TYPES), Arbitraries.of(COMPONENTS), tokens,
                Arbitraries.integers().between(0, 3599), latency).as(Entry::new);
    }

    private Arbitrary<MonitorAction> action() {
        return Arbitraries.oneOf(
                Arbitraries.of(Command.values()).map(c -> (MonitorAction) new MonitorAction.Key(c)),
                Arbitraries.integers().between(0, 0x10FFFF).map(c -> (MonitorAction) new MonitorAction.TypeChar(c)),
                Arbitraries.chars().alpha().map(c -> (MonitorAction) new MonitorAction.TypeChar(c)),
                Arbitraries.longs().between(0, 200_000).map(t -> (MonitorAction) new MonitorAction.Tick(t, 3600)),
                Combinators.combine(Arbitraries.integers().between(-5, 300), Arbitraries.integers().between(-5, 100))
                        .as((w, h) -> (MonitorAction) new MonitorAction.Resize(w, h)),
                Arbitraries.longs().between(-3, 5).map(n -> (MonitorAction) new MonitorAction.LineProblems(n, n, n)),
                Arbitraries.of(new MonitorAction.Truncated(1), new MonitorAction.Rotated(1), new MonitorAction.EndOfInput(),
                        new MonitorAction.Replaced("other.jsonl", 1), new MonitorAction.SourceOpened("x.jsonl"),
                        new MonitorAction.SessionSwitched("b", "b.jsonl"), new MonitorAction.Notice("\u001b]0;x"),
                        new MonitorAction.RunEnded(), new MonitorAction.EntryRead(3, "x.jsonl:3", List.of("{", "}"), ""),
                        new MonitorAction.EntryRead(1, "", List.of(), "gone")),
                Arbitraries.integers().between(0, 4).map(n -> (MonitorAction) new MonitorAction.SessionsListed(
                        java.util.stream.IntStream.range(0, n).mapToObj(i -> new SessionChoice("s" + i, i, i)).toList())));
    }
}
