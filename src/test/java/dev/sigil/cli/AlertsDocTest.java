package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/alerts.md: its example runs as written, and its first rules file is the interface, read as it says. */
class AlertsDocTest {

    private static final Path DOC = Path.of("docs/alerts.md");

    @TempDir
    Path dir;

    @Test
    void theExampleFiresWhatThePageSays() throws Exception {
        String doc = Files.readString(DOC);
        Files.writeString(dir.resolve("rules.yaml"), block(doc, "rules"));
        Files.writeString(dir.resolve("run.jsonl"), block(doc, "log"));
        CliRun r = CliRun.run(Map.of("HOME", dir.resolve("home").toString()), "alerts", "test", "--rules", dir.resolve("rules.yaml").toString(),
                dir.resolve("run.jsonl").toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out().replace(dir.resolve("run.jsonl").toString(), "run.jsonl")).isEqualTo(block(doc, "alerts"));
    }

    @Test
    void theFirstRulesFileOfThePageIsValid() throws Exception {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        Path rules = Files.writeString(dir.resolve("first.yaml"), doc.substring(start, doc.indexOf("```", start)));
        CliRun r = CliRun.run(Map.of("HOME", dir.resolve("home").toString()), "alerts", "list", "--rules", rules.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("reasoning-cost  cost_usd >= 5 over session  component=reasoning  warning   10m       never       stdout");
    }

    /** The fenced block after {@code <!-- example: NAME -->}. */
    private static String block(String doc, String name) {
        int marker = doc.indexOf("<!-- example: " + name + " -->");
        assertThat(marker).as("docs/alerts.md example %s", name).isPositive();
        int start = doc.indexOf('\n', doc.indexOf("```", marker)) + 1;
        return doc.substring(start, doc.indexOf("```", start));
    }
}
