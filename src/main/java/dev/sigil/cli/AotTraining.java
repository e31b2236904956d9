package dev.sigil.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import dev.sigil.tokens.TokenCounter;

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
     * its directory walk, session names and config were not in the cache when only {@code report LOG} was trained),
     * {@code EMPTY} for an empty log and {@code EMPTY_LOGS} for a folder holding it as that session (a log with no line
     * yet takes paths of its own: the report's note on stderr, the monitor's waiting summary; ADR 0271),
     * and {@code LONG} for {@code LOG} repeated past the size that tokens counts with its compact table ({@link #longInput}).
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
                List.of("monitor", "--mode", "stream", "--no-follow", "EMPTY"),
                List.of("report", "LOG"),
                List.of("report", "--no-cache", "-l", "LOGS", "-s", SESSION),
                List.of("report", "--no-cache", "-l", "EMPTY_LOGS", "-s", SESSION),
                List.of("tokens", "--file", "LOG"),
                List.of("tokens", "--file", "LONG"),
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
        Path here = Path.of("").toAbsolutePath();
        String logs = trained.stream().anyMatch(c -> c.contains("LOGS")) ? sessionsFolder(Path.of(args[0]), here).toString() : "";
        Path empty = emptyLog(here);
        String emptyLogs = trained.stream().anyMatch(c -> c.contains("EMPTY_LOGS"))
                ? sessionsFolder(empty, here.resolve("aot-training-empty")).toString() : "";
        String longLog = trained.stream().anyMatch(c -> c.contains("LONG")) ? longInput(Path.of(args[0]), here).toString() : "";
        Map<String, String> given = Map.of("LOG", args[0], "BAD", args[1], "LOGS", logs, "EMPTY", empty.toString(),
                "EMPTY_LOGS", emptyLogs, "LONG", longLog);
        for (int round = 0; round < 3; round++) {
            for (List<String> command : trained) {
                // once, and for the tokens cache only: enough for jtokkit's classes and profiles, and it costs seconds
                // (the all family's training is long already; its commands count tokens with jtokkit rarely at start)
                if (command.contains("LONG") && (round > 0 || !family.equals("tokens"))) {
                    continue;
                }
                run(variables, command.stream().map(a -> given.getOrDefault(a, a)).toArray(String[]::new));
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

    /** An empty log in {@code parent} (a file that cannot be made is a missing log, which the commands say). */
    static Path emptyLog(Path parent) {
        Path empty = parent.resolve("aot-training-empty.jsonl");
        try {
            Files.write(empty, new byte[0]);
        } catch (IOException | RuntimeException e) {
            // the lines on it then train a missing log's path
        }
        return empty;
    }

    /**
     * {@code log} repeated, in a file under {@code parent}, until it holds {@link TokenCounter#COMPACT_BELOW_CHARS}
     * characters: tokens counts it with jtokkit, so that the cache holds jtokkit's classes and their profiles too (the
     * short logs take the compact table; without this, a 5.7 MB count ran with 11 % more CPU, ADR 0265). A file that
     * cannot be written leaves the line to fail as a user's would.
     */
    static Path longInput(Path log, Path parent) {
        Path file = parent.resolve("aot-training-long.jsonl");
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            long times = text.isEmpty() ? 1 : TokenCounter.COMPACT_BELOW_CHARS / text.length() + 1;
            Files.writeString(file, text.repeat((int) times), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // tokens then says the file is missing or unreadable, as it would say to anyone
        }
        return file;
    }

    /** Main's own path (stderr is the process's: the launcher sends it to /dev/null), stdout to nowhere. */
    private static void run(Map<String, String> variables, String[] argv) {
        Main.run(new Environment(variables, new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(), false, false), argv);
    }
}
