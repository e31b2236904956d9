package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.event.Level;
import dev.sigil.monitor.MonitorOptions;
import dev.sigil.monitor.view.Display;
import picocli.CommandLine;

/**
 * Every command that touches logs reads the same configuration (issue 12): {@code logging.path} moves the logs of
 * monitor, tail, validate and logs alike, {@code --log-path} wins over it, the retention and size keys drive
 * {@code sigil logs}, and the monitoring keys and {@code logging.level} change the monitor.
 */
class ConfigEveryCommandTest {

    @TempDir
    Path tmp;

    private Path home;
    private Path logs;
    private final Map<String, String> env = new HashMap<>();

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        logs = tmp.resolve("elsewhere/logs");
        env.put("HOME", home.toString());
        Files.createDirectories(logs.resolve("sessions/s1"));
        Files.copy(Path.of("src/test/resources/monitor/complete-session.jsonl"), logs.resolve("sessions/s1/execution.jsonl"));
    }

    private void config(String yaml) throws IOException {
        Files.createDirectories(home.resolve(".sigil"));
        Files.writeString(home.resolve(".sigil/config.yaml"), yaml);
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Environment e = new Environment(env, new ByteArrayInputStream(new byte[0]), bytes, false, false);
        int exit = SigilCommand.commandLine(e, new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(exit, out + bytes.toString(StandardCharsets.UTF_8), err.toString());
    }

    private MonitorOptions monitorOptions(boolean terminal, String... args) {
        Environment e = new Environment(env, new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), terminal, false);
        CommandLine cmd = SigilCommand.commandLine(e, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        String[] all = new String[args.length + 1];
        all[0] = "monitor";
        System.arraycopy(args, 0, all, 1, args.length);
        MonitorCommand monitor = (MonitorCommand) cmd.parseArgs(all).subcommand().commandSpec().userObject();
        return monitor.prepare(e).options();
    }

    @Test
    void theLogPathOfTheConfigurationIsWhereEveryCommandLooks() throws IOException {
        config("logging:\n  path: " + logs + "\n");
        Run tail = run("tail", "--session", "s1");
        assertThat(tail.exit()).isZero();
        assertThat(tail.out()).contains("routing/step_complete: Intent classified as: lead_analysis");

        Run monitor = run("monitor", "--session", "s1", "--no-follow");
        assertThat(monitor.exit()).isZero();
        assertThat(monitor.out()).contains("Found log file: " + logs.resolve("sessions/s1/execution.jsonl"), "EXECUTION COMPLETE");

        Run validate = run("validate", "--session", "s1");
        assertThat(validate.exit()).as(validate.err()).isZero();
        assertThat(validate.err()).contains("13 valid");

        Files.setLastModifiedTime(logs.resolve("sessions/s1/execution.jsonl"), FileTime.from(Instant.now().minus(9, ChronoUnit.DAYS)));
        Run maintenance = run("logs", "archive", "--dry-run");
        assertThat(maintenance.exit()).isZero();
        assertThat(maintenance.out()).startsWith("would archive sessions/s1 -> archive/");
    }

    @Test
    void theLogPathFlagWinsOverTheConfiguration() throws IOException {
        config("logging:\n  path: " + tmp.resolve("nothing-here") + "\n");
        assertThat(run("tail", "--session", "s1").exit()).isEqualTo(ExitCode.USAGE);
        Run tail = run("tail", "-s", "s1", "-l", logs.toString());
        assertThat(tail.exit()).isZero();
        assertThat(tail.out()).contains("routing/step_complete");
    }

    @Test
    void validateReadsASessionsPartsOldestFirstThenItsLog() throws IOException {
        Path dir = logs.resolve("sessions/s1");
        Files.move(dir.resolve("execution.jsonl"), dir.resolve("execution.2.jsonl"));
        Files.writeString(dir.resolve("execution.1.jsonl"), "not json\n");
        Files.writeString(dir.resolve("execution.jsonl"), "");
        Run validate = run("validate", "--session", "s1", "--log-path", logs.toString());
        assertThat(validate.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(validate.out()).startsWith(dir.resolve("execution.1.jsonl") + ":1:");
        assertThat(validate.err()).contains("13 valid, 1 invalid");
        assertThat(run("validate", "--session", "nope", "--log-path", logs.toString()).err()).contains("no session 'nope' in");
    }

    @Test
    void retentionAndSizeOfTheConfigurationDriveSigilLogs() throws IOException {
        Path s1 = logs.resolve("sessions/s1/execution.jsonl");
        Files.setLastModifiedTime(s1, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
        Files.createDirectories(logs.resolve("archive/" + LocalDate.now().minusDays(3)));
        Path big = Files.createDirectories(logs.resolve("sessions/big")).resolve("execution.jsonl");
        Files.write(big, new byte[(1 << 20) + 10]);
        Files.setLastModifiedTime(big, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        String path = "--log-path=" + logs;
        // The seed's defaults (7 days, 30 days, 10 MiB) leave all three alone ...
        assertThat(run("logs", "maintenance", "--dry-run", path).out())
                .startsWith("would rotate 0 logs, archive 0 sessions, remove 0 archives");
        // ... the configuration's keys do not.
        config("logging:\n  retention_days: 1\n  archive_retention_days: 1\n  max_file_size_mb: 1\n");
        Run configured = run("logs", "maintenance", "--dry-run", path);
        assertThat(configured.out()).contains("would rotate sessions/big/execution.jsonl -> execution.1.jsonl",
                "would archive sessions/s1 -> archive/", "would rotate 1 log, archive 1 session");
        // A flag still wins over the file.
        assertThat(run("logs", "archive", "--dry-run", "--retention-days", "5", path).out()).startsWith("would rotate 0 logs, archive 0 sessions");
        // A log written an hour ago is idle for the default 30 minutes, not for 2 hours.
        config("logging:\n  max_file_size_mb: 1\n  rotate_idle_minutes: 120\n");
        assertThat(run("logs", "rotate", "--dry-run", path).out()).contains("skipped sessions/big/execution.jsonl: written 60 minutes ago",
                "for 120 minutes (logging.rotate_idle_minutes");
    }

    @Test
    void theMonitoringSectionAndTheLogLevelChangeTheMonitor() throws IOException {
        MonitorOptions defaults = monitorOptions(true, "--session", "s1");
        assertThat(defaults.mode()).isEqualTo(MonitorOptions.Mode.DASHBOARD);
        assertThat(defaults.refresh()).isEqualTo(Duration.ofMillis(100));
        assertThat(defaults.minLevel()).isEqualTo(Level.INFO);
        assertThat(defaults.display()).isEqualTo(Display.DEFAULTS);

        config("logging:\n  level: warning\nmonitoring:\n  default_mode: minimal\n  refresh_rate_hz: 2\n  show_forecast: false\n"
                + "  show_component_breakdown: false\n  show_budget_bar: false\n  show_latency: false\n  highlight_slowest: false\n"
                + "  latency_warning_ms: 250\n");
        MonitorOptions configured = monitorOptions(true, "--session", "s1");
        assertThat(configured.mode()).isEqualTo(MonitorOptions.Mode.MINIMAL);
        assertThat(configured.refresh()).isEqualTo(Duration.ofMillis(500));
        assertThat(configured.minLevel()).isEqualTo(Level.WARNING);
        assertThat(configured.display()).isEqualTo(new Display(false, false, false, false, false, 250));

        MonitorOptions flags = monitorOptions(true, "-s", "s1", "-m", "stream", "--refresh-rate", "0.25", "--level", "debug");
        assertThat(flags.mode()).isEqualTo(MonitorOptions.Mode.STREAM);
        assertThat(flags.refresh()).isEqualTo(Duration.ofMillis(250));
        assertThat(flags.minLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void theLogLevelHidesLesserEventsOfTheStream() throws IOException {
        String file = logs.resolve("sessions/s1/execution.jsonl").toString();
        long all = run("monitor", "--no-follow", "--mode", "stream", file).out().lines().filter(l -> l.startsWith("[")).count();
        config("logging:\n  level: warning\n");
        Run warned = run("monitor", "--no-follow", "--mode", "stream", file);
        assertThat(warned.out().lines().filter(l -> l.startsWith("["))).hasSizeBetween(1, (int) all - 1)
                .noneMatch(l -> l.contains("Intent classified"));
        env.put("SIGIL_LOG_LEVEL", "info");
        assertThat(run("monitor", "--no-follow", "--mode", "stream", file).out().lines().filter(l -> l.startsWith("["))).hasSize((int) all);
    }

    @Test
    void aDefaultModeOfMinimalIsUsedWithoutMode() throws IOException {
        config("monitoring:\n  default_mode: minimal\n");
        Run minimal = run("monitor", "--no-follow", logs.resolve("sessions/s1/execution.jsonl").toString());
        assertThat(minimal.out()).contains("\rTokens: 15,150 / 50,000 (30.30%)").doesNotContain("Intent classified");
    }
}
