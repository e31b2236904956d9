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

    @Test
    void theActionsOfThePageAreValidAndTheAlertEntryIsAContractEntryThatTheTailShowsAsThePageSays() throws Exception {
        String doc = Files.readString(DOC);
        for (String name : new String[] {"actions", "webhook"}) {
            Path rules = Files.writeString(dir.resolve(name + ".yaml"), "rules:\n  - name: r\n    metric: events\n    op: '>'\n    threshold: 0\n"
                    + block(doc, name));
            CliRun r = CliRun.run(Map.of("HOME", dir.resolve("home").toString()), "alerts", "list", "--rules", rules.toString());
            assertThat(r.exitCode()).as(name + ": " + r.err()).isZero();
        }
        Path entry = Files.writeString(dir.resolve("entry.jsonl"), block(doc, "entry"));
        CliRun valid = CliRun.run(Map.of("HOME", dir.resolve("home").toString()), "validate", entry.toString());
        assertThat(valid.exitCode()).as(valid.out() + valid.err()).isZero();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Environment env = new Environment(Map.of("HOME", dir.resolve("home").toString()), new java.io.ByteArrayInputStream(new byte[0]), out, false, false);
        SigilCommand.commandLine(env, new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()))
                .execute("tail", entry.toString());
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("10:01:41 [WARNING] orchestrator/alert: WARNING reasoning-cost: cost_usd $5.00 >= 5 over session\n");
        assertThat(doc).contains("`HH:MM:SS [WARNING] orchestrator/alert: WARNING\nreasoning-cost: cost_usd $5.00 >= 5 over session`");
    }

    /** The fenced block after {@code <!-- example: NAME -->}. */
    private static String block(String doc, String name) {
        int marker = doc.indexOf("<!-- example: " + name + " -->");
        assertThat(marker).as("docs/alerts.md example %s", name).isPositive();
        int start = doc.indexOf('\n', doc.indexOf("```", marker)) + 1;
        return doc.substring(start, doc.indexOf("```", start));
    }
}
