package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AOT cache's training (ADR 0160) runs real work: every command line it trains parses and runs, none is a usage error. */
class AotTrainingTest {

    @TempDir
    Path dir;

    @Test
    void theTrainingDashboardDrawsTheLogAndQuitsByItself() throws IOException {
        Path log = Files.copy(Path.of("contract/examples/valid/seed-001-session.jsonl"), dir.resolve("log.jsonl"));
        String last = Files.readAllLines(log).get(Files.readAllLines(log).size() - 1);
        String session = last.replaceAll(".*\"session_id\":\"([^\"]*)\".*", "$1");
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        TrainingDashboard.run(log.toString(), screen); // returns: its own q ended it
        String drawn = screen.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(drawn).as("the dashboard's frames, escape sequences and all").contains("SIGIL MONITOR", session)
                .contains("\033[?2027$p\033[c"); // the start-up question, answered by the training's keys
    }

    @Test
    void everyTrainedCommandRunsItsWork() throws IOException {
        Path log = Files.copy(Path.of("contract/examples/valid/seed-001-session.jsonl"), dir.resolve("log.jsonl"));
        Path bad = Files.copy(Path.of("contract/examples/invalid/extra-key.jsonl"), dir.resolve("bad.jsonl"));
        Path mapped = Files.copy(Path.of("contract/formats/fixtures/pino.jsonl"), dir.resolve("pino.jsonl"));
        Path logs = AotTraining.sessionsFolder(log, dir);
        assertThat(logs.resolve("sessions").resolve(AotTraining.SESSION).resolve("execution.jsonl")).hasSameBinaryContentAs(log);
        List<List<String>> commands = new java.util.ArrayList<>(AotTraining.commands());
        commands.addAll(AotTraining.mappedCommands());
        for (List<String> command : commands) {
            String[] argv = command.stream().map(a -> a.equals("LOG") ? log.toString() : a.equals("BAD") ? bad.toString()
                    : a.equals("LOGS") ? logs.toString() : a.equals("MAPPED") ? mapped.toString() : a).toArray(String[]::new);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StringWriter err = new StringWriter();
            Environment env = new Environment(Map.of("HOME", dir.toString()), new ByteArrayInputStream(new byte[0]), out, false, false);
            var cmd = SigilCommand.commandLine(env, argv[0]);
            cmd.setErr(new PrintWriter(err));
            int code = cmd.execute(argv);
            if (argv[0].equals("no-such-command")) {
                assertThat(code).isEqualTo(ExitCode.USAGE);
            } else if (command.contains("LOGS")) {
                // the session's report: it found the session in the folder and printed its totals
                assertThat(code).as(String.join(" ", command) + ": " + err).isEqualTo(ExitCode.OK);
                assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).as(String.join(" ", command)).isNotBlank();
            } else {
                assertThat(code).as(String.join(" ", command) + ": " + err).isNotEqualTo(ExitCode.USAGE).isNotEqualTo(ExitCode.INTERNAL);
            }
        }
    }

    /** Each command the launcher gives a cache of its own (ADR 0185) is trained on its own lines, and only on those. */
    @Test
    void everyFamilyOfTheLauncherHasItsOwnLines() throws IOException {
        String launcher = Files.readString(Path.of("scripts/sigil"));
        Matcher m = Pattern.compile("\\n\\s*([a-z|]+)\\) family=\"\\$1\" ;;").matcher(launcher);
        assertThat(m.find()).as("the launcher's list of command families").isTrue();
        List<String> families = List.of(m.group(1).split("\\|"));
        assertThat(families).contains("tail", "validate");
        for (String family : families) {
            assertThat(AotTraining.commands(family)).as(family).isNotEmpty().allSatisfy(c -> assertThat(c.get(0)).isEqualTo(family));
        }
        assertThat(AotTraining.commands("help")).containsExactly(List.of("--help"));
        assertThat(AotTraining.commands("all")).isEqualTo(AotTraining.commands());
        // monitor's text modes: monitor's lines (every one a text mode), and the launcher names that family
        assertThat(launcher).contains("family=" + AotTraining.MONITOR_TEXT);
        assertThat(AotTraining.commands(AotTraining.MONITOR_TEXT)).isEqualTo(AotTraining.commands("monitor"))
                .allSatisfy(c -> assertThat(c).containsAnyOf("stream", "minimal"));
    }
}
