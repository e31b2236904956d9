package dev.sigil.monitor.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.event.Level;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.monitor.Lines;
import dev.sigil.monitor.state.MonitorAction.Command;

class ReducerTest {

    private static final long T0 = 1_768_126_532_000L;

    static MonitorState start() {
        return MonitorState.initial("execution.jsonl", true, "", Level.INFO);
    }

    static MonitorState append(MonitorState s, String... lines) {
        List<LogEvent> events = java.util.Arrays.stream(lines).map(Lines::decode).toList();
        return Reducer.reduce(s, new MonitorAction.LinesAppended(events, T0));
    }

    static MonitorState seedSession() throws IOException {
        String text = Files.readString(Path.of("contract/examples/valid/seed-001-session.jsonl"));
        return Reducer.reduce(start(), new MonitorAction.LinesAppended(Lines.decodeAll(text), T0));
    }

    @Test
    void theSeedSessionEndsCompleteWithItsStepsPerComponent() throws IOException {
        SessionStats s = seedSession().session();
        assertThat(s.status()).isEqualTo(Status.COMPLETE);
        assertThat(s.sessionId()).isEqualTo("test-1");
        assertThat(s.tokensUsed()).isEqualTo(50 + 150 + 0 + 450 + 0);
        assertThat(s.budget()).isEqualTo(256_000);
        assertThat(s.budgetSource()).isEqualTo(BudgetSource.SESSION_START);
        assertThat(s.components()).extracting(ComponentStats::name)
                .containsExactly("routing", "memory", "planning", "reasoning", "validation");
        assertThat(s.slowest().name()).isEqualTo("reasoning");
        assertThat(s.totalLatencyMs()).isEqualTo(1100 + 1200 + 50 + 2100 + 100);
        // 10:15:32.123456 to 10:15:38.789012
        assertThat(s.elapsedSeconds(null)).isEqualTo((38_789_012 - 32_123_456) / 1e6);
        assertThat(s.eventCount()).isEqualTo(7);
    }

    @Test
    void aRestatedTotalOnCompletionIsNotCountedTwice() {
        MonitorState s = append(start(),
                Lines.start("2026-01-11T10:00:00", "s", 1000),
                Lines.entry("2026-01-11T10:00:01", "s", "step_complete", "routing", "a", 40, 5),
                Lines.entry("2026-01-11T10:00:02", "s", "step_complete", "memory", "b", 60, 5),
                Lines.entry("2026-01-11T10:00:03", "s", "session_complete", "orchestrator", "done", 100, Double.NaN));
        assertThat(s.session().tokensUsed()).isEqualTo(100);
        assertThat(s.session().restatements()).isEqualTo(1);
        assertThat(s.session().tokensRemaining()).isEqualTo(900);
        assertThat(s.session().budgetPercentage()).isEqualTo(10.0);
    }

    @Test
    void aCompletionWithOtherTokensIsCounted() {
        MonitorState s = append(start(),
                Lines.entry("2026-01-11T10:00:01", "s", "step_complete", "routing", "a", 40, 5),
                Lines.entry("2026-01-11T10:00:03", "s", "session_complete", "orchestrator", "done", 7, Double.NaN));
        assertThat(s.session().tokensUsed()).isEqualTo(47);
        assertThat(s.session().restatements()).isZero();
    }

    @Test
    void seedTwoSnapshotsAreAuthoritativeAndOrchestratorLinesAreNotSummed() {
        MonitorState s = append(start(),
                "{\"timestamp\":\"2026-01-11T14:30:00.275Z\",\"level\":\"info\",\"component\":\"router\",\"operation\":\"route_request\","
                        + "\"message\":\"Completed route_request\",\"session_id\":\"sess_1\",\"duration_ms\":125.5,"
                        + "\"tokens_used\":{\"total_tokens\":400},\"budget_snapshot\":{\"total_budget\":100000,\"used\":400,\"remaining\":99600}}",
                "{\"timestamp\":\"2026-01-11T14:30:01.000Z\",\"level\":\"info\",\"component\":\"cli\",\"operation\":\"execute_step\","
                        + "\"message\":\"Completed execute_step\",\"session_id\":\"sess_1\",\"tokens_used\":{\"total_tokens\":400}}");
        SessionStats session = s.session();
        assertThat(session.summedTokens()).isEqualTo(400);
        assertThat(session.tokensUsed()).isEqualTo(400);
        assertThat(session.budget()).isEqualTo(100_000);
        assertThat(session.budgetSource()).isEqualTo(BudgetSource.SNAPSHOT);
        assertThat(session.components()).extracting(ComponentStats::name).containsExactly("routing", "orchestrator");
        assertThat(session.components().get(0).totalLatencyMs()).isEqualTo(125.5);
    }

    @Test
    void statusMovesFromInitialThroughWaitingToRunning() {
        MonitorState s = start();
        assertThat(s.session().status()).isEqualTo(Status.INITIAL);
        s = Reducer.reduce(s, new MonitorAction.SourceOpened("x.jsonl"));
        assertThat(s.session().status()).isEqualTo(Status.WAITING);
        s = append(s, Lines.start("2026-01-11T10:00:00", "s", 1000));
        assertThat(s.session().status()).isEqualTo(Status.RUNNING);
    }

    @Test
    void aLogThatEndsWithoutCompletionIsIncomplete() {
        MonitorState s = append(start(), Lines.start("2026-01-11T10:00:00", "s", 1000));
        s = Reducer.reduce(s, new MonitorAction.EndOfInput());
        assertThat(s.session().status()).isEqualTo(Status.INCOMPLETE);
        assertThat(s.reader().endOfInput()).isTrue();
    }

    private static MonitorState appendPino(MonitorState s, long timeMillis, long atMillis) {
        String line = "{\"level\":30,\"time\":" + timeMillis + ",\"pid\":1,\"hostname\":\"h\",\"msg\":\"request completed\"}";
        List<LogEvent> events = dev.sigil.contract.format.FormatSet.builtIn().named("pino").orElseThrow()
                .read(new dev.sigil.contract.codec.PythonJsonReader().read(line)).stream().map(m -> m.event()).toList();
        return Reducer.reduce(s, new MonitorAction.LinesAppended(events, atMillis));
    }

    @Test
    void aProducerWithoutSessionEventsWrittenLongAgoIsNotRunningOnceTheFileIsQuiet() {
        // a pino log whose newest line was written ten minutes before it is opened
        MonitorState s = appendPino(start(), T0 - 600_000, T0);
        assertThat(s.session().status()).isEqualTo(Status.RUNNING);
        s = Reducer.reduce(s, new MonitorAction.Tick(T0 + Reducer.QUIET_MILLIS - 1, 0));
        assertThat(s.session().status()).as("still reading").isEqualTo(Status.RUNNING);
        s = Reducer.reduce(s, new MonitorAction.Tick(T0 + Reducer.QUIET_MILLIS, 0));
        assertThat(s.session().status()).isEqualTo(Status.INCOMPLETE);
        // it is written to again: running, until the idle time passes
        s = appendPino(s, T0 + 5_000, T0 + 5_000);
        assertThat(s.session().status()).isEqualTo(Status.RUNNING);
        s = Reducer.reduce(s, new MonitorAction.Tick(T0 + 5_000 + Reducer.QUIET_MILLIS, 0));
        assertThat(s.session().status()).as("its line is recent").isEqualTo(Status.RUNNING);
        s = Reducer.reduce(s, new MonitorAction.Tick(T0 + 5_000 + s.idleMillis(), 0));
        assertThat(s.session().status()).isEqualTo(Status.INCOMPLETE);
    }

    @Test
    void aSessionWithAStartOrWithoutAnOffsetWaitsTheIdleTime() {
        // seed 001's timestamps have no offset: their age is not known, the idle time decides
        MonitorState s = append(start(), Lines.entry("2020-01-11T10:02:00", "s", "step_complete", "routing", "old", 5, 1));
        s = Reducer.reduce(s, new MonitorAction.Tick(T0 + Reducer.QUIET_MILLIS, 0));
        assertThat(s.session().status()).isEqualTo(Status.RUNNING);
        s = append(start(), Lines.start("2020-01-11T10:00:00+00:00", "s", 1000));
        s = Reducer.reduce(s, new MonitorAction.Tick(T0 + Reducer.QUIET_MILLIS, 0));
        assertThat(s.session().status()).isEqualTo(Status.RUNNING);
    }

    @Test
    void aFollowedLogThatStopsGrowingBecomesIncompleteAndComesBackWithNewLines() {
        MonitorState s = append(start(), Lines.start("2026-01-11T10:00:00", "s", 1000));
        s = Reducer.reduce(s, new MonitorAction.Tick(T0 + s.idleMillis() - 1, 0));
        assertThat(s.session().status()).isEqualTo(Status.RUNNING);
        s = Reducer.reduce(s, new MonitorAction.Tick(T0 + s.idleMillis(), 0));
        assertThat(s.session().status()).isEqualTo(Status.INCOMPLETE);
        s = append(s, Lines.entry("2026-01-11T10:02:00", "s", "step_complete", "routing", "late", 5, 1));
        assertThat(s.session().status()).isEqualTo(Status.RUNNING);
    }

    @Test
    void truncationStartsTheSessionOverAndRotationKeepsIt() {
        MonitorState s = append(start(), Lines.entry("2026-01-11T10:00:01", "s", "step_complete", "routing", "a", 40, 5));
        MonitorState rotated = Reducer.reduce(s, new MonitorAction.Rotated(T0));
        assertThat(rotated.session().tokensUsed()).isEqualTo(40);
        assertThat(rotated.reader().rotations()).isEqualTo(1);
        MonitorState truncated = Reducer.reduce(s, new MonitorAction.Truncated(T0));
        assertThat(truncated.session().tokensUsed()).isZero();
        assertThat(truncated.session().status()).isEqualTo(Status.WAITING);
        assertThat(truncated.reader().truncations()).isEqualTo(1);
        assertThat(truncated.reader().notice()).contains("truncated");
    }

    @Test
    void aRotationToAnotherSessionsLogStartsOverAndOneOfTheSameSessionContinues() {
        MonitorState s = append(start(), Lines.entry("2026-01-11T10:00:01", "s1", "step_complete", "routing", "a", 40, 5));
        MonitorState rotated = Reducer.reduce(s, new MonitorAction.Rotated(T0));
        MonitorState same = append(rotated, Lines.entry("2026-01-11T10:00:02", "s1", "step_complete", "routing", "b", 2, 5));
        assertThat(same.session().tokensUsed()).isEqualTo(42);
        MonitorState other = append(rotated, Lines.start("2026-01-11T10:00:02", "s2", 500));
        assertThat(other.session().sessionId()).isEqualTo("s2");
        assertThat(other.session().tokensUsed()).isZero();
        assertThat(other.session().budget()).isEqualTo(500);
        assertThat(other.reader().notice()).contains("s2");
        // without a rotation, a second session in the same file accumulates, as the documented monitor does
        MonitorState concatenated = append(s, Lines.start("2026-01-11T10:00:02", "s2", 500));
        assertThat(concatenated.session().tokensUsed()).isEqualTo(40);
    }

    @Test
    void noticesAreKept() {
        MonitorState s = Reducer.reduce(start(), new MonitorAction.Notice("log file missing"));
        assertThat(s.reader().notice()).isEqualTo("log file missing");
    }

    @Test
    void skippedLinesAreCountedNeverDropped() {
        MonitorState s = Reducer.reduce(start(), new MonitorAction.LineProblems(2, 1, 3));
        s = Reducer.reduce(s, new MonitorAction.LineProblems(1, 0, 0));
        assertThat(s.reader().malformed()).isEqualTo(3);
        assertThat(s.reader().tooLong()).isEqualTo(1);
        assertThat(s.reader().invalidUtf8()).isEqualTo(3);
        assertThat(s.reader().skipped()).isEqualTo(7);
    }

    @Test
    void errorsAreCollected() {
        MonitorState s = append(start(),
                Lines.entry("2026-01-11T10:00:01", "s", "step_error", "reasoning", "boom", 0, 10),
                Lines.entry("2026-01-11T10:00:02", "s", "budget_warning", "orchestrator", "80%", 0, Double.NaN),
                Lines.entry("2026-01-11T10:00:03", "s", "budget_exceeded", "orchestrator", "over", 0, Double.NaN));
        assertThat(s.session().errors().items()).extracting(EventRow::message).containsExactly("boom", "over");
        assertThat(s.session().components().get(0).errors()).isEqualTo(1);
    }

    @Test
    void pauseFreezesTheScreenWhileCountingGoesOn() {
        MonitorState s = append(start(), Lines.entry("2026-01-11T10:00:01", "s", "step_complete", "routing", "a", 40, 5));
        s = Reducer.reduce(s, new MonitorAction.Key(Command.PAUSE));
        s = append(s, Lines.entry("2026-01-11T10:00:02", "s", "step_complete", "routing", "b", 2, 5));
        assertThat(s.ui().paused()).isTrue();
        assertThat(s.shown().tokensUsed()).isEqualTo(40);
        assertThat(s.session().tokensUsed()).isEqualTo(42);
        s = Reducer.reduce(s, new MonitorAction.Key(Command.PAUSE));
        assertThat(s.shown().tokensUsed()).isEqualTo(42);
    }

    @Test
    void scrollingBackHoldsItsPlaceWhenNewEventsArrive() {
        MonitorState s = start();
        for (int i = 0; i < 10; i++) {
            s = append(s, Lines.entry("2026-01-11T10:00:0" + i, "s", "step_complete", "routing", "m" + i, 1, 1));
        }
        s = Reducer.reduce(s, new MonitorAction.Key(Command.UP));
        s = Reducer.reduce(s, new MonitorAction.Key(Command.UP));
        assertThat(s.ui().scroll()).isEqualTo(2);
        s = append(s, Lines.entry("2026-01-11T10:00:11", "s", "step_complete", "routing", "new", 1, 1));
        assertThat(s.ui().scroll()).isEqualTo(3);
        s = Reducer.reduce(s, new MonitorAction.Key(Command.HOME));
        assertThat(s.ui().scroll()).isEqualTo(10);
        s = Reducer.reduce(s, new MonitorAction.Key(Command.END));
        assertThat(s.ui().scroll()).isZero();
    }

    @Test
    void theFilterIsTypedAppliedAndCancelled() {
        MonitorState s = append(start(),
                Lines.entry("2026-01-11T10:00:01", "s", "step_complete", "routing", "Intent classified", 1, 1),
                Lines.entry("2026-01-11T10:00:02", "s", "step_complete", "memory", "Retrieved", 1, 1));
        s = Reducer.reduce(s, new MonitorAction.Key(Command.FILTER));
        assertThat(s.ui().mode()).isEqualTo(Mode.FILTER);
        for (char c : "INTENTx".toCharArray()) {
            s = Reducer.reduce(s, new MonitorAction.TypeChar(c));
        }
        s = Reducer.reduce(s, new MonitorAction.Key(Command.BACKSPACE));
        assertThat(s.visibleEvents()).extracting(EventRow::message).containsExactly("Intent classified");
        s = Reducer.reduce(s, new MonitorAction.Key(Command.CONFIRM));
        assertThat(s.ui().mode()).isEqualTo(Mode.NORMAL);
        assertThat(s.ui().filter()).isEqualTo("INTENT");
        s = Reducer.reduce(s, new MonitorAction.Key(Command.FILTER));
        s = Reducer.reduce(s, new MonitorAction.TypeChar('z'));
        s = Reducer.reduce(s, new MonitorAction.Key(Command.CANCEL));
        assertThat(s.ui().filter()).isEqualTo("INTENT");
    }

    @Test
    void componentAndLevelFiltersCycle() {
        MonitorState s = append(start(),
                Lines.entry("2026-01-11T10:00:01", "s", "step_complete", "routing", "a", 1, 1),
                Lines.entry("2026-01-11T10:00:02", "s", "step_error", "memory", "b", 1, 1));
        s = Reducer.reduce(s, new MonitorAction.Key(Command.CYCLE_COMPONENT));
        assertThat(s.ui().component()).isEqualTo("routing");
        s = Reducer.reduce(s, new MonitorAction.Key(Command.CYCLE_COMPONENT));
        assertThat(s.ui().component()).isEqualTo("memory");
        s = Reducer.reduce(s, new MonitorAction.Key(Command.CYCLE_COMPONENT));
        assertThat(s.ui().component()).isEmpty();
        s = Reducer.reduce(s, new MonitorAction.Key(Command.CYCLE_LEVEL));
        assertThat(s.ui().minLevel()).isEqualTo(Level.WARNING);
        assertThat(s.visibleEvents()).extracting(EventRow::message).containsExactly("b");
    }

    @Test
    void thePickerAsksForTheSessionsThenToFollowThePickAndTheSwitchStartsOver() {
        MonitorState s = append(start(), Lines.entry("2026-01-11T10:00:01", "s", "step_complete", "routing", "a", 1, 1));
        Update opened = Reducer.update(s, new MonitorAction.Key(Command.PICK_SESSION));
        assertThat(opened.effects()).containsExactly(new Effect.ListSessions());
        s = Reducer.reduce(opened.state(), new MonitorAction.SessionsListed(List.of(new SessionChoice("a", 2, 10), new SessionChoice("b", 1, 10))));
        s = Reducer.reduce(s, new MonitorAction.Key(Command.DOWN));
        Update picked = Reducer.update(s, new MonitorAction.Key(Command.CONFIRM));
        assertThat(picked.effects()).containsExactly(new Effect.Follow("b"));
        s = picked.state();
        assertThat(s.ui().picker()).isFalse();
        assertThat(Reducer.update(s, new MonitorAction.Key(Command.DOWN)).effects()).isEmpty();
        s = Reducer.reduce(s, new MonitorAction.SessionSwitched("b", "sessions/b/execution.jsonl"));
        assertThat(s.session().eventCount()).isZero();
        assertThat(s.reader().source()).isEqualTo("sessions/b/execution.jsonl");
    }

    @Test
    void theSummaryShowsOnCompletionUntilDismissed() throws IOException {
        MonitorState s = seedSession();
        assertThat(s.showSummary()).isTrue();
        s = Reducer.reduce(s, new MonitorAction.Key(Command.CANCEL));
        assertThat(s.showSummary()).isFalse();
    }

    @Test
    void quitIsHonouredInEveryMode() {
        for (Command open : List.of(Command.HELP, Command.PICK_SESSION, Command.FILTER, Command.END)) {
            MonitorState s = Reducer.reduce(start(), new MonitorAction.Key(open));
            assertThat(Reducer.update(s, new MonitorAction.Key(Command.QUIT)).effects()).as(open.name()).containsExactly(new Effect.Quit());
        }
    }

    @Test
    void burnRateAndHistoryFollowLogTime() {
        MonitorState s = append(start(),
                Lines.entry("2026-01-11T10:00:00", "s", "step_complete", "routing", "a", 100, 1),
                Lines.entry("2026-01-11T10:00:09", "s", "step_complete", "routing", "b", 100, 1));
        SessionStats session = s.session();
        long last = session.latest().epochSecond();
        assertThat(session.burn().rate(last)).isEqualTo(200.0 / 10);
        assertThat(session.burn().rate(last + 55)).isEqualTo(100.0 / 60); // the first point has left the window
        assertThat(session.history().values()).hasSize(10).startsWith(100).endsWith(100);
    }

    @Test
    void qWhileAnAttachedRunGoesOnAsksFirstAndDetachLeavesItRunning() {
        MonitorState s = start().attachedToRun();
        Update asked = Reducer.update(s, new MonitorAction.Key(Command.QUIT));
        assertThat(asked.effects()).isEmpty();
        assertThat(asked.state().ui().mode()).isEqualTo(Mode.CONFIRM_QUIT);
        assertThat(Reducer.update(asked.state(), new MonitorAction.Key(Command.QUIT)).effects()).containsExactly(new Effect.Quit());
        assertThat(Reducer.update(asked.state(), new MonitorAction.Key(Command.DETACH)).effects()).containsExactly(new Effect.Detach());
        Update kept = Reducer.update(asked.state(), new MonitorAction.Key(Command.CANCEL));
        assertThat(kept.effects()).isEmpty();
        assertThat(kept.state().ui().mode()).isEqualTo(Mode.NORMAL);
        assertThat(Reducer.update(s, new MonitorAction.Key(Command.DETACH)).effects()).containsExactly(new Effect.Detach());
        assertThat(Reducer.update(s, new MonitorAction.Key(Command.INTERRUPT)).effects()).as("Ctrl-C does not ask").containsExactly(new Effect.Quit());
        assertThat(Reducer.reduce(asked.state(), new MonitorAction.RunEnded()).ui().mode()).as("the question is moot once the run ended")
                .isEqualTo(Mode.NORMAL);
    }

    @Test
    void aMonitorOfItsOwnQuitsAtOnceAndHasNothingToDetach() {
        assertThat(Reducer.update(start(), new MonitorAction.Key(Command.QUIT)).effects()).containsExactly(new Effect.Quit());
        assertThat(Reducer.update(start(), new MonitorAction.Key(Command.DETACH)).effects()).isEmpty();
        assertThat(Reducer.reduce(start(), new MonitorAction.RunEnded()).run()).isEqualTo(Run.NONE);
    }

    @Test
    void afterTheRunEndedTheScreenStaysUntilQEscOrEnterOnTheSummary() throws IOException {
        MonitorState ended = Reducer.reduce(seedSession().attachedToRun(), new MonitorAction.RunEnded());
        assertThat(ended.showSummary()).isTrue();
        assertThat(Reducer.update(ended, new MonitorAction.Key(Command.CONFIRM)).effects()).containsExactly(new Effect.Quit());
        assertThat(Reducer.update(ended, new MonitorAction.Key(Command.QUIT)).effects()).containsExactly(new Effect.Quit());
        Update shown = Reducer.update(ended, new MonitorAction.Key(Command.CANCEL));
        assertThat(shown.effects()).as("Esc shows the dashboard first").isEmpty();
        assertThat(shown.state().showSummary()).isFalse();
        assertThat(Reducer.update(shown.state(), new MonitorAction.Key(Command.CANCEL)).effects()).containsExactly(new Effect.Quit());
        Update entry = Reducer.update(shown.state(), new MonitorAction.Key(Command.CONFIRM));
        assertThat(entry.state().ui().mode()).as("Enter on the dashboard opens the selected entry").isEqualTo(Mode.DETAIL);
    }

    @Test
    void enterAsksForTheSelectedEntryWhichOpensWhenReadAndEscCloses() {
        List<LogEvent> events = List.of(Lines.decode(Lines.start("2026-01-11T10:15:32", "s1", 100)),
                Lines.decode(Lines.entry("2026-01-11T10:15:33", "s1", "step_complete", "routing", "routed", 5, 10)));
        MonitorState s = Reducer.reduce(start(), new MonitorAction.LinesAppended(events, T0,
                List.of(new MonitorAction.Position("log", 1, 0), new MonitorAction.Position("log", 2, 120))));
        s = Reducer.reduce(s, new MonitorAction.Key(Command.UP));
        Update open = Reducer.update(s, new MonitorAction.Key(Command.CONFIRM));
        Effect.ReadEntry read = (Effect.ReadEntry) open.effects().get(0);
        assertThat(read.row().position()).isEqualTo(new MonitorAction.Position("log", 1, 0));
        assertThat(open.state().ui().mode()).isEqualTo(Mode.DETAIL);
        assertThat(open.state().ui().detail().loaded()).isFalse();
        MonitorState stale = Reducer.reduce(open.state(), new MonitorAction.EntryRead(read.row().seq() + 1, "x", List.of("{}"), ""));
        assertThat(stale.ui().detail().loaded()).as("the answer for another entry is dropped").isFalse();
        List<String> lines = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "  \"k" + i + "\": " + i + ",").toList();
        MonitorState loaded = Reducer.reduce(open.state(), new MonitorAction.EntryRead(read.row().seq(), "log:1", lines, ""));
        assertThat(loaded.ui().detail().where()).isEqualTo("log:1");
        MonitorState down = Reducer.reduce(loaded, new MonitorAction.Key(Command.PAGE_DOWN));
        assertThat(down.ui().detail().scroll()).isPositive();
        assertThat(Reducer.reduce(down, new MonitorAction.Key(Command.END)).ui().detail().scroll())
                .as("the 200 lines and the line saying where it was read, less a page").isEqualTo(200 + 1 - (down.ui().height() - 4));
        MonitorState back = Reducer.reduce(down, new MonitorAction.Key(Command.CANCEL));
        assertThat(back.ui().mode()).isEqualTo(Mode.NORMAL);
        assertThat(back.ui().scroll()).as("the selection is where it was").isEqualTo(1);
        MonitorState unknown = Reducer.reduce(Reducer.reduce(start(), new MonitorAction.LinesAppended(events, T0)),
                new MonitorAction.Key(Command.CONFIRM));
        assertThat(unknown.ui().detail().problem()).as("a line read from no file").contains("not known");
    }

    @Test
    void typingInThePickerNarrowsItAndEnterFollowsTheOneHighlighted() {
        MonitorState s = Reducer.reduce(start(), new MonitorAction.Key(Command.PICK_SESSION));
        s = Reducer.reduce(s, new MonitorAction.SessionsListed(List.of(
                new SessionChoice("a", 3, 1, "running", "Analyze Acme", "2026-01-11T10:00:00", 5),
                new SessionChoice("b", 2, 1, "complete", "Qualify Acme lead", "2026-01-11T09:00:00", 5),
                new SessionChoice("c", 1, 1, "error", "Summarise", "2026-01-11T08:00:00", 5))));
        for (char c : "acme".toCharArray()) {
            s = Reducer.reduce(s, new MonitorAction.TypeChar(c));
        }
        assertThat(s.ui().offeredSessions()).extracting(SessionChoice::id).containsExactly("a", "b");
        s = Reducer.reduce(s, new MonitorAction.Key(Command.DOWN));
        assertThat(Reducer.update(s, new MonitorAction.Key(Command.CONFIRM)).effects()).containsExactly(new Effect.Follow("b"));
        MonitorState cleared = Reducer.reduce(s, new MonitorAction.Key(Command.CANCEL));
        assertThat(cleared.ui().mode()).as("Esc clears what was typed first").isEqualTo(Mode.PICKER);
        assertThat(cleared.ui().offeredSessions()).hasSize(3);
        assertThat(Reducer.reduce(cleared, new MonitorAction.Key(Command.CANCEL)).ui().mode()).isEqualTo(Mode.NORMAL);
        MonitorState error = Reducer.reduce(cleared, new MonitorAction.TypeChar('e'));
        assertThat(error.ui().offeredSessions()).as("status and task count as text too").extracting(SessionChoice::id).contains("a", "b", "c");
    }
}
