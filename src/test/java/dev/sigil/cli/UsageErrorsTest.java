package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** What a command line that cannot be parsed prints: one line naming command and problem, hints, exit code 2. */
class UsageErrorsTest {

    @Test
    void anUnknownCommandIsNamedWithTheCommandsMeant() {
        CliRun run = CliRun.run(Map.of(), "valdate", "x.jsonl");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("sigil: unknown command 'valdate'; did you mean 'validate'?\n"
                + "Run 'sigil --help' for its usage.\n");
        assertThat(CliRun.run(Map.of(), "monitr").err()).startsWith("sigil: unknown command 'monitr'; did you mean 'monitor'?\n");
        assertThat(CliRun.run(Map.of(), "zzzz").err()).startsWith("sigil: unknown command 'zzzz'\n");
    }

    @Test
    void anUnknownOptionNamesItsCommandAndTheOptionsMeantWithoutTheWholeUsage() {
        CliRun run = CliRun.run(Map.of(), "tail", "--formt", "line", "x.jsonl");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("sigil tail: unknown option '--formt'; did you mean '--format'?\n"
                + "Run 'sigil tail --help' for its usage.\n");
        // the same rule as for commands: picocli's own found nothing for this one
        assertThat(CliRun.run(Map.of(), "--hlep").err()).startsWith("sigil: unknown option '--hlep'; did you mean '--help'?\n");
        assertThat(CliRun.run(Map.of(), "validate", "--max-eror=3", "x").err())
                .startsWith("sigil validate: unknown option '--max-eror'; did you mean '--max-errors'?\n");
        assertThat(CliRun.run(Map.of(), "validate", "--zzzzzz", "x").err()).startsWith("sigil validate: unknown option '--zzzzzz'\n");
    }

    @Test
    void aValueOfTheWrongKindAndAMissingArgumentAreOneLineEach() {
        CliRun bad = CliRun.run(Map.of(), "validate", "--max-errors", "abc", "x.jsonl");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).isEqualTo("sigil validate: invalid value for option '--max-errors': 'abc' is not a whole number\n"
                + "Run 'sigil validate --help' for its usage.\n");
        CliRun missing = CliRun.run(Map.of(), "validate", "--max-errors");
        assertThat(missing.err()).isEqualTo("sigil validate: missing required parameter for option '--max-errors' (N)\n"
                + "Run 'sigil validate --help' for its usage.\n");
        CliRun nothing = CliRun.run(Map.of("HOME", "/nonexistent"), "validate");
        assertThat(nothing.err()).isEqualTo("sigil validate: give the PATH of a log, or --session ID\n");
    }

    @Test
    void numbersAreWholeNumbersOrNumbersNeverJavaTypes() {
        assertThat(CliRun.run(Map.of(), "tail", "--poll-interval", "1.5", "x").err())
                .startsWith("sigil tail: invalid value for option '--poll-interval': '1.5' is not a whole number\n");
        assertThat(CliRun.run(Map.of(), "orchestrate", "--speed", "fast", "x").err())
                .startsWith("sigil orchestrate: invalid value for option '--speed': 'fast' is not a number\n");
        assertThat(CliRun.run(Map.of(), "orchestrate", "--seed", "99999999999999999999", "x").err())
                .startsWith("sigil orchestrate: invalid value for option '--seed': '99999999999999999999' is too large (at most 9223372036854775807)\n");
        for (String notDecimal : new String[] {"0x10", "1d", "NaN", "Infinity", "1e999"}) {
            assertThat(CliRun.run(Map.of(), "monitor", "--refresh-rate", notDecimal).err()).as(notDecimal)
                    .containsPattern("'" + notDecimal + "' is (not a number|too large)");
        }
        assertThat(NumberValues.decimal("0.5")).isEqualTo(0.5);
        assertThat(NumberValues.decimal(".5e1")).isEqualTo(5.0);
        assertThat(NumberValues.whole("+7", 0, 10)).isEqualTo(7);
        for (String[] args : new String[][] {{"validate", "--max-errors", "x", "a"}, {"tail", "--max-line-bytes", "1e3", "a"},
                {"logs", "archive", "--retention-days", "seven"}, {"monitor", "--refresh-rate", "soon"}}) {
            assertThat(CliRun.run(Map.of(), args).err()).as(String.join(" ", args))
                    .doesNotContainPattern("\\b(long|int|integer|double|Integer|Long|Double)\\b");
        }
    }

    @Test
    void controlCharactersInTheArgumentsDoNotReachTheTerminal() {
        CliRun run = CliRun.run(Map.of(), "validate", "--\u001b[31mred");
        assertThat(run.err()).doesNotContain("\u001b");
    }

    @Test
    void optionsForThisMachinesLogsAreRefusedForARemoteSessionNotDropped() {
        for (String[] extra : new String[][] {{"--wait"}, {"--rules", "rules.yaml"}, {"--otlp", "http://127.0.0.1:1"}}) {
            String[] args = new String[extra.length + 2];
            args[0] = "monitor";
            System.arraycopy(extra, 0, args, 1, extra.length);
            args[args.length - 1] = "ws://127.0.0.1:1/sessions/s1";
            CliRun run = CliRun.run(Map.of("HOME", "/nonexistent"), args);
            assertThat(run.exitCode()).as(extra[0]).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).as(extra[0]).isEqualTo("sigil monitor: " + extra[0]
                    + " works on this machine's logs, not on a remote session (docs/remote.md)\n");
        }
    }
}
