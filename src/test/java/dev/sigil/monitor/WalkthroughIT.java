package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import dev.sigil.testing.DocCaptures;
import dev.sigil.testing.ExampleTree;
import dev.sigil.testing.Tmux;

/**
 * docs/walkthrough.md as a new user goes through it, in a real terminal (tmux, a server of the test's own): the
 * README's command runs a pipeline under the dashboard, which asks before {@code q} stops the run, stays when the run
 * ends, and prints the run's summary when left; meanwhile the README's second terminal follows the active session,
 * and its second command then checks the log. The example
 * sessions are browsed with the keys the walkthrough names. The screens in the document are captured here (rewrite
 * them with {@code -Dsnapshot.update=true}, then review), never typed.
 */
class WalkthroughIT {

    private static final Path ROOT = Path.of(System.getProperty("sigil.home", "")).toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final DocCaptures DOC = new DocCaptures(ROOT.resolve("docs/walkthrough.md"));
    private static final DocCaptures GUIDE = new DocCaptures(ROOT.resolve("docs/monitor.md"));
    private static final Path EXAMPLE = ROOT.resolve("docs/examples/logs/sessions/sess_4f9a1c2b3d5e/execution.jsonl");
    /** The README's run command: the first shell block of its Quick start. */
    private static final String README_RUN = readmeRun();

    @TempDir
    Path home;

    /** Where the documents' commands run: the examples copied, so that nothing is written into the source tree. */
    @TempDir
    Path tree;

    private static String readmeRun() {
        try {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("```sh\\n(.*?)\\n```", java.util.regex.Pattern.DOTALL)
                    .matcher(Files.readString(ROOT.resolve("README.md")));
            return m.find() ? m.group(1).strip() : "no run command in the README";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String inRoot(String command) throws java.io.IOException {
        if (!Files.exists(tree.resolve("scripts"))) {
            ExampleTree.create(ROOT, tree);
        }
        return "cd " + Tmux.quote(tree.toString()) + " && export HOME=" + Tmux.quote(home.toString()) + " SIGIL_NO_BUILD=1 && "
                + command + "; echo \"EXIT=$?\"; sleep 600";
    }

    @Test
    void theReadmeRunAsksBeforeQuittingStaysWhenDoneAndPrintsItsOwnSummary() throws Exception {
        assertThat(Files.readString(ROOT.resolve("docs/walkthrough.md"))).as("the walkthrough runs the README's command")
                .contains("```sh\n" + README_RUN + "\n```");
        try (Tmux t = Tmux.start(80, 24, inRoot(README_RUN))) {
            String running = t.waitFor(s -> s.contains("RUNNING") && s.contains("d detach"), WAIT);
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("session (\\S+)").matcher(running);
            assertThat(id.find()).as(running).isTrue();
            // the README's second terminal: the monitor without arguments follows the active session
            try (Tmux second = Tmux.start(80, 24, inRoot("scripts/sigil monitor"))) {
                second.waitFor(s -> s.contains("session " + id.group(1)), WAIT);
                second.keys("q");
                second.waitFor(s -> s.contains("EXIT=0"), WAIT);
            }
            t.keys("q");
            // a running screen never stands still (the elapsed time): taken as soon as the question is drawn whole
            String confirm = t.waitFor(s -> s.contains("The run is still going") && s.contains("Esc  keep watching"), WAIT);
            DOC.assertShape("confirm-80x24", confirm, List.of("The run is still going", "q  stop the run", "d  detach", "Esc  keep watching"));
            t.keys("Escape");
            String end = t.settled(s -> s.contains("run finished") && s.contains("Execution complete"), WAIT);
            DOC.assertShape("run-end-80x24", end, List.of("SIGIL MONITOR", "COMPLETE", "Execution complete · Enter or q leaves",
                    "run finished: q or Esc leaves"));
            t.keys("Escape");
            t.resize(200, 50);
            String wide = t.settled(s -> s.contains("last message") && !s.contains("Execution complete"), WAIT);
            DOC.assertShape("run-end-200x50", wide, List.of("SIGIL MONITOR", "COMPLETE", "last message", "run finished: q or Esc leaves"));
            t.keys("Escape");
            String after = t.waitFor(s -> s.contains("EXIT="), WAIT);
            assertThat(after).contains("EXECUTION COMPLETE", "Result: Complete", "EXIT=0").doesNotContain("SIGIL MONITOR", "Exception");
        }
        // the README's second terminal: check the logs
        ProcessResult check = new ProcessExecutor().command("bash", "-c", "scripts/sigil validate ~/.sigil/logs/sessions/*/execution.jsonl")
                .directory(tree.toFile()).environment("HOME", home.toString()).environment("SIGIL_NO_BUILD", "1")
                .readOutput(true).redirectErrorStream(true).timeout(60, TimeUnit.SECONDS).execute();
        assertThat(check.getExitValue()).as(check.outputUTF8()).isZero();
        assertThat(check.outputUTF8()).matches("(?s)1 file, \\d+ lines: \\d+ valid, 0 invalid\\n");
    }

    @Test
    void theExampleSessionsLookAsTheWalkthroughShows() throws Exception {
        try (Tmux t = Tmux.start(80, 24, inRoot("scripts/sigil monitor -l docs/examples/logs --session sess_4f9a1c2b3d5e"))) {
            t.waitFor(s -> s.contains("Execution complete"), WAIT);
            t.keys("Escape", "k", "k");
            DOC.assertSame("explore-80x24", t.settled(s -> s.contains("2 newer below"), WAIT));
            t.keys("k", "k", "k", "Enter"); // onto a reasoning step, which holds its 4 KiB output
            DOC.assertSame("entry-80x24", t.settled(s -> s.contains("Entry · Esc back") && s.contains("\"output\""), WAIT));
            t.keys("Escape");
            t.resize(200, 50);
            t.keys("s");
            DOC.assertSame("picker-200x50", t.settled(s -> s.contains("Sessions 2") && s.contains("demo-7"), WAIT));
            t.keys("Escape", "q");
            t.waitFor(s -> s.contains("EXIT=0"), WAIT);
        }
    }

    @Test
    void theMonitorGuideShowsTheExampleSessionAsItIs() throws Exception {
        try (Tmux t = Tmux.start(80, 24, inRoot("scripts/sigil monitor -l docs/examples/logs --session demo-7"))) {
            GUIDE.assertSame("summary-80x24", t.settled(s -> s.contains("Execution complete (Esc closes)"), WAIT));
            t.keys("Escape");
            GUIDE.assertSame("dashboard-80x24", t.settled(s -> !s.contains("Execution complete") && s.contains("Errors 1"), WAIT));
            t.resize(40, 12);
            GUIDE.assertSame("dashboard-40x12", t.settled(s -> s.lines().count() <= 12 && s.contains("demo-7"), WAIT));
            t.keys("q");
            t.waitFor(s -> s.contains("EXIT=0"), WAIT);
        }
    }

    @Test
    void everyKeyOfTheDashboardDoesWhatItsHelpSays() throws Exception {
        try (Tmux t = Tmux.start(80, 24, inRoot("scripts/sigil monitor -l docs/examples/logs --session sess_4f9a1c2b3d5e"))) {
            t.waitFor(s -> s.contains("Execution complete (Esc closes)"), WAIT);
            t.keys("Enter");
            long lines = Files.readAllLines(EXAMPLE).size();
            t.waitFor(s -> !s.contains("Execution complete") && s.contains("Events " + lines), WAIT);
            t.keys("?");
            t.waitFor(s -> s.contains("╭ Keys") && s.contains("any key closes the help"), WAIT);
            t.keys("x");
            t.waitFor(s -> !s.contains("╭ Keys"), WAIT);
            t.keys("h");
            t.waitFor(s -> s.contains("╭ Keys"), WAIT);
            t.keys("Escape");
            t.waitFor(s -> !s.contains("╭ Keys"), WAIT);
            selection(t);
            entry(t);
            filters(t);
            t.keys("p");
            t.waitFor(s -> s.contains("PAUSED") && s.contains("p resume"), WAIT);
            t.keys("Space");
            t.waitFor(s -> !s.contains("PAUSED") && s.contains("p pause"), WAIT);
            t.keys("d");
            assertThat(t.screen()).as("d: nothing to detach from in a monitor of its own").contains("SIGIL MONITOR");
            picker(t);
            t.resize(200, 50);
            t.waitFor(s -> s.contains("last message") && s.lines().count() == 50, WAIT);
            t.resize(40, 12);
            t.waitFor(s -> s.contains("demo-7") && s.lines().count() <= 12, WAIT);
            t.keys("q");
            t.waitFor(s -> s.contains("EXIT="), WAIT);
            String after = t.history(200); // a 40x12 screen: the summary scrolled up
            assertThat(after).as("the summary of the session shown last").contains("Session:  demo-7", "EXIT=0").doesNotContain("Exception");
            assertThat(t.format("#{alternate_on}")).isEqualTo("0");
        }
    }

    /** ↑ ↓ j k PgUp PgDn Home End g G: the selection moves, the title says how many newer events are below it. */
    private static void selection(Tmux t) throws Exception {
        t.keys("k", "k", "k");
        t.waitFor(s -> s.contains("3 newer below"), WAIT);
        t.keys("j");
        t.waitFor(s -> s.contains("2 newer below"), WAIT);
        t.keys("Up");
        t.waitFor(s -> s.contains("3 newer below"), WAIT);
        t.keys("Down");
        t.waitFor(s -> s.contains("2 newer below"), WAIT);
        t.keys("PPage");
        t.waitFor(s -> s.contains("14 newer below"), WAIT);
        t.keys("NPage");
        t.waitFor(s -> s.contains("2 newer below"), WAIT);
        t.keys("g");
        String top = t.waitFor(s -> s.contains("17 newer below"), WAIT);
        assertThat(top).contains("›10:15:01").as("no blank row at the top").contains("Starting route_request");
        t.keys("G");
        t.waitFor(s -> !s.contains("newer below") && s.contains("›10:15:18"), WAIT);
        t.keys("Home");
        t.waitFor(s -> s.contains("17 newer below"), WAIT);
        t.keys("End");
        t.waitFor(s -> !s.contains("newer below"), WAIT);
    }

    /** Enter opens the selected entry; j k Space PgDn g G scroll it; Esc goes back to the same selection. */
    private static void entry(Tmux t) throws Exception {
        t.keys("k", "Enter");
        t.waitFor(s -> s.contains("Entry · Esc back") && s.contains("execution.jsonl:17") && s.contains("\"step_complete\""), WAIT);
        t.keys("Escape", "k", "k", "k", "k", "Enter");
        t.waitFor(s -> s.contains("\"output\"") && s.contains(" 1-20 of "), WAIT);
        t.keys("j");
        t.waitFor(s -> s.contains(" 2-21 of "), WAIT);
        t.keys("k", "Space");
        t.waitFor(s -> s.contains(" 21-40 of "), WAIT);
        t.keys("NPage", "g");
        t.waitFor(s -> s.contains(" 1-20 of "), WAIT);
        t.keys("G");
        t.waitFor(s -> s.matches("(?s).* (\\d+)-(\\d+) of \\2 .*"), WAIT);
        t.keys("Escape");
        t.waitFor(s -> !s.contains("Entry · Esc back") && s.contains("5 newer below"), WAIT);
        t.keys("End");
    }

    /** / types a filter (Enter keeps it, Esc drops the draft), c cycles the components, l the minimum level. */
    private static void filters(Tmux t) throws Exception {
        List<dev.sigil.contract.event.LogEvent> events = Lines.decodeAll(Files.readString(EXAMPLE));
        long reason = events.stream().filter(e -> (e.component() + e.operation() + e.message()).toLowerCase(java.util.Locale.ROOT)
                .contains("reason")).count();
        long components = events.stream().map(dev.sigil.contract.event.LogEvent::component).distinct().count();
        t.keys("/");
        t.type("reason");
        t.waitFor(s -> s.contains("filter: reason"), WAIT);
        t.keys("Enter");
        t.waitFor(s -> s.contains("Events " + reason + " · info+ · \"reason\""), WAIT);
        t.keys("/");
        t.type("xyz");
        t.keys("Escape");
        t.waitFor(s -> s.contains("· \"reason\"") && !s.contains("xyz"), WAIT);
        t.keys("/", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "Enter");
        t.waitFor(s -> s.contains("Events " + events.size() + " · info+ ─"), WAIT);
        t.keys("c");
        t.waitFor(s -> s.contains("· info+ · routing"), WAIT);
        for (int i = 0; i < components; i++) {
            t.keys("c"); // each component seen, then all again
        }
        t.waitFor(s -> s.contains("Events " + events.size() + " · info+ ─"), WAIT);
        t.keys("l");
        t.waitFor(s -> s.contains("· warning+") && s.contains("no event matches the filter"), WAIT);
        for (int i = 0; i < 5; i++) {
            t.keys("l");
        }
        t.waitFor(s -> s.contains("Events " + events.size() + " · info+"), WAIT);
    }

    /** s lists the sessions, typing narrows them, Backspace and Esc undo it, Enter follows the one highlighted. */
    private static void picker(Tmux t) throws Exception {
        t.keys("s");
        t.waitFor(s -> s.contains("Sessions 2") && s.contains("demo-7") && s.contains("complete"), WAIT);
        t.type("demo");
        t.waitFor(s -> s.contains("Sessions 1 of 2 · \"demo\""), WAIT);
        t.keys("BSpace", "BSpace", "BSpace", "BSpace");
        t.waitFor(s -> s.contains("Sessions 2 ·"), WAIT);
        t.keys("Escape");
        t.waitFor(s -> !s.contains("Sessions 2 ·"), WAIT);
        t.keys("s");
        t.waitFor(s -> s.contains("Sessions 2"), WAIT);
        t.keys("Enter"); // the newest first: demo-7 started later
        t.waitFor(s -> s.contains("session demo-7"), WAIT);
    }
}
