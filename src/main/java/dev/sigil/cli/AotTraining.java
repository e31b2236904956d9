package dev.sigil.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The training run of the launcher's AOT cache (JDK 25, ADR 0160): the commands people run on short logs, each on
 * the log given (a few thousand lines), in one JVM, so that the cache holds the classes they load and the profiles
 * of the methods they run (JEP 515), not only those of the one command a training run would otherwise be.
 * Everything is printed to nowhere; the exit codes do not matter (an invalid line is part of the work).
 * With a command named ({@code FAMILY}), only that command's lines are run: the launcher keeps a cache per common
 * command and one for the root's help (ADR 0185), since every class of a cache is loaded at start; {@code all} runs
 * every line. Other producers' logs, when given, are tailed too ({@link #mappedCommands()}) by the {@code all} and
 * {@code tail} families: their formats' read path is then in the cache with its profiles (docs/benchmarks.md,
 * "Formats: the whole process"). The {@code monitor} family also runs the dashboard on the log, on a terminal of
 * streams ({@link TrainingDashboard}).
 *
 *   java -XX:AOTMode=record ... -cp sigil.jar dev.sigil.cli.AotTraining LOG INVALID_LOG FAMILY [MAPPED_LOG...]
 */
public final class AotTraining {

    private AotTraining() {
    }

    /** The family of monitor's text modes: monitor's command lines without the dashboard (ADR 0216). */
    static final String MONITOR_TEXT = "monitor-text";

    /** The session the training's log folder holds ({@code LOGS}: the log as that session's, ADR 0246). */
    static final String SESSION = "train";

    /**
     * The command lines trained, {@code LOG} and {@code BAD} standing for the two logs, {@code LOGS} for a log folder
     * holding {@code LOG} as the session {@link #SESSION} (the report of a session, as people and bench.py run it:
     * its directory walk, session names and config were not in the cache when only {@code report LOG} was trained).
     */
    static List<List<String>> commands() {
        return List.of(
                List.of("--help"),
                List.of("tail", "--help"),
                List.of("validate", "LOG"),
                List.of("validate", "BAD"),
                List.of("tail", "LOG"),
                List.of("tail", "--format", "jsonl", "LOG"),
                List.of("fmt", "LOG"),
                List.of("monitor", "--mode", "stream", "--no-follow", "LOG"),
                List.of("monitor", "--mode", "minimal", "--no-follow", "LOG"),
                List.of("report", "LOG"),
                List.of("report", "--no-cache", "-l", "LOGS", "-s", SESSION),
                List.of("tokens", "--file", "LOG"),
                List.of("no-such-command"));
    }

    /** The command lines trained on each other producer's log, {@code MAPPED} standing for it. */
    static List<List<String>> mappedCommands() {
        return List.of(List.of("tail", "MAPPED"));
    }

    /**
     * The command lines trained for {@code family}: those that start with it ({@code help}: with {@code --help}), or
     * every one for {@code all}; {@code monitor-text}: monitor's, which are all text modes.
     */
    static List<List<String>> commands(String family) {
        String first = family.equals("help") ? "--help" : family.equals(MONITOR_TEXT) ? "monitor" : family;
        return family.equals("all") ? commands() : commands().stream().filter(c -> c.get(0).equals(first)).toList();
    }

    public static void main(String[] args) {
        Map<String, String> variables = Map.of("NO_COLOR", "1");
        String family = args.length > 2 ? args[2] : "all";
        List<List<String>> trained = commands(family);
        String logs = trained.stream().anyMatch(c -> c.contains("LOGS")) ? sessionsFolder(Path.of(args[0]), Path.of("").toAbsolutePath()).toString() : "";
        for (int round = 0; round < 3; round++) {
            for (List<String> command : trained) {
                run(variables, command.stream().map(a -> a.equals("LOG") ? args[0] : a.equals("BAD") ? args[1] : a.equals("LOGS") ? logs : a)
                        .toArray(String[]::new));
            }
            for (int i = 3; i < args.length && (family.equals("all") || family.equals("tail")); i++) {
                String mapped = args[i];
                for (List<String> command : mappedCommands()) {
                    run(variables, command.stream().map(a -> a.equals("MAPPED") ? mapped : a).toArray(String[]::new));
                }
            }
        }
        // Not for all: every class of a cache is loaded at start, and the commands sharing it draw no dashboard
        if (family.equals("monitor")) {
            TrainingDashboard.run(args[0], OutputStream.nullOutputStream());
        }
        // As every command ends: System.exit loads classes of its own (the JDK's logging of Runtime.exit)
        System.exit(Main.run(Environment.system(), new String[] {"--version"}));
    }

    /**
     * A log folder under {@code parent} (the training's working directory: the launcher runs it in a directory of its
     * own, removed after) holding a copy of {@code log} as the session {@link #SESSION}'s log; the folder itself is returned. A folder that
     * cannot be made leaves the report's lines to fail as a user's would: the training goes on.
     */
    static Path sessionsFolder(Path log, Path parent) {
        Path folder = parent.resolve("aot-training-logs");
        try {
            Path session = Files.createDirectories(folder.resolve("sessions").resolve(SESSION));
            Files.copy(log, session.resolve("execution.jsonl"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // the report then says the session is missing, as it would say to anyone
        }
        return folder;
    }

    /** Main's own path (stderr is the process's: the launcher sends it to /dev/null), stdout to nowhere. */
    private static void run(Map<String, String> variables, String[] argv) {
        Main.run(new Environment(variables, new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(), false, false), argv);
    }
}
