package dev.sigil.cli;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The training run of the launcher's AOT cache (JDK 25, ADR 0160): the commands people run on short logs, each on
 * the log given (a few thousand lines), in one JVM, so that the cache holds the classes they load and the profiles
 * of the methods they run (JEP 515), not only those of the one command a training run would otherwise be.
 * Everything is printed to nowhere; the exit codes do not matter (an invalid line is part of the work).
 *
 *   java -XX:AOTMode=record ... -cp sigil.jar dev.sigil.cli.AotTraining LOG INVALID_LOG
 */
public final class AotTraining {

    private AotTraining() {
    }

    /** The command lines trained, {@code LOG} and {@code BAD} standing for the two logs. */
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
                List.of("tokens", "--file", "LOG"),
                List.of("no-such-command"));
    }

    public static void main(String[] args) {
        Map<String, String> variables = Map.of("NO_COLOR", "1");
        for (int round = 0; round < 3; round++) {
            for (List<String> command : commands()) {
                String[] argv = command.stream().map(a -> a.equals("LOG") ? args[0] : a.equals("BAD") ? args[1] : a)
                        .toArray(String[]::new);
                // Main's own path (stderr is the process's: the launcher sends it to /dev/null), stdout to nowhere
                Main.run(new Environment(variables, new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(), false, false),
                        argv);
            }
        }
        // As every command ends: System.exit loads classes of its own (the JDK's logging of Runtime.exit)
        System.exit(Main.run(Environment.system(), new String[] {"--version"}));
    }
}
