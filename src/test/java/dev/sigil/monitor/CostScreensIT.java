package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.testing.DocCaptures;
import dev.sigil.testing.Tmux;

/**
 * The screens of docs/cost.md, taken from {@code scripts/sigil monitor} in a real terminal (tmux, on a server socket
 * of its own) on a finished orchestrate session with a dollar budget and one model sigil has no price for: the cost
 * view at 80x24 and 200x50 and the call tree at 80x24, after the keys a user presses ({@code Esc} closes the final
 * summary, {@code $} the cost view, {@code t} the tree, {@code ↓} and {@code Enter} open a step). The block in the
 * document must be what the terminal showed. And a live run with a dollar budget: its cost view forecasts, in
 * dollars, when the budget runs out.
 */
class CostScreensIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Path DOC = Path.of(System.getProperty("sigil.home", ""), "docs", "cost.md");
    private static final DocCaptures CAPTURES = new DocCaptures(DOC);

    @TempDir
    Path home;
    private Tmux terminal;

    @BeforeEach
    void setUp() throws IOException {
        Path dir = Files.createDirectories(home.resolve("work/sessions/demo-7"));
        Files.copy(Path.of(System.getProperty("sigil.home", ""), "src/test/resources/monitor/priced-complete.jsonl"), dir.resolve("execution.jsonl"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (terminal != null) {
            terminal.close();
        }
    }

    @Test
    void theCostViewAndTheCallTreeAsTheDocumentShowsThem() throws Exception {
        String sigil = Path.of(System.getProperty("sigil.home"), "scripts", "sigil").toString();
        String script = "cd '" + home.resolve("work") + "' && TZ=UTC HOME='" + home + "' SIGIL_NO_BUILD=1 '" + sigil
                + "' monitor --mode dashboard --no-follow --no-color sessions/demo-7/execution.jsonl; sleep 120";
        terminal = Tmux.start(80, 24, script);
        waitFor(s -> s.contains("Execution complete") && s.contains("Final Cost"));
        keys("Escape");
        waitFor(s -> !s.contains("Execution complete") && s.contains("cost $"));
        keys("$");
        String cost = waitFor(s -> s.contains("By model") && s.contains("mycorp:internal-llm-7b"));
        assertThat(cost).contains("unpriced", "of $0.25");
        CAPTURES.assertSame("cost-80x24", cost);
        keys("t");
        waitFor(s -> s.contains("Call tree"));
        keys("Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down", "Enter");
        String tree = waitFor(s -> s.contains("tool-calculator"));
        CAPTURES.assertSame("tree-80x24", tree);
        terminal.resize(200, 50);
        keys("$");
        String wide = waitFor(s -> s.contains("By model") && s.lines().anyMatch(l -> l.length() > 150));
        assertThat(wide).contains("cache read", "reasoning", "mycorp:internal-llm-7b", "unpriced");
        CAPTURES.assertSame("cost-200x50", wide);
    }

    @Test
    void whileARunGoesTheCostViewSaysWhenTheDollarBudgetRunsOut() throws Exception {
        String sigil = Path.of(System.getProperty("sigil.home"), "scripts", "sigil").toString();
        String script = "cd '" + home.resolve("work") + "' && HOME='" + home + "' SIGIL_NO_BUILD=1 '" + sigil
                + "' orchestrate --monitor --speed 1 --session live-7 --budget-usd 0.08 --log-path '" + home.resolve("logs")
                + "' 'Qualify this lead: Ada Lovelace, CTO at Analytical Engines'; echo \"EXIT=$?\"; sleep 120";
        terminal = Tmux.start(80, 24, script);
        waitFor(s -> s.contains("RUNNING") && s.contains("cost $"), false);
        keys("$");
        String live = waitFor(s -> s.contains("RUNNING") && s.contains("By model") && s.contains("out in ~"), false);
        assertThat(live).contains("of $0.08", "left $", "/min  out in ~", "unpriced 0 tokens");
        keys("q"); // while the run goes on, q asks first (docs/monitor.md); q again stops it
        waitFor(s -> s.contains("The run is still going"), false);
        keys("q");
        assertThat(waitFor(s -> s.contains("EXIT="), false)).contains("EXIT=130");
    }

    private void keys(String... keys) throws Exception {
        terminal.keys(keys);
    }

    /** The screen once {@code condition} holds and it stopped changing (the screen the document shows is a settled one). */
    private String waitFor(Predicate<String> condition) throws Exception {
        return terminal.settled(condition, WAIT);
    }

    /** The screen once {@code condition} holds; with {@code settled}, once it also stopped changing (a live run's clock never does). */
    private String waitFor(Predicate<String> condition, boolean settled) throws Exception {
        return settled ? waitFor(condition) : terminal.waitFor(condition, WAIT);
    }
}
