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
        assertThat(run.err()).startsWith("sigil: unknown command 'valdate'\n").contains("sigil validate")
                .endsWith("Run 'sigil --help' for its usage.\n");
    }

    @Test
    void anUnknownOptionNamesItsCommandAndTheOptionsMeantWithoutTheWholeUsage() {
        CliRun run = CliRun.run(Map.of(), "tail", "--formt", "line", "x.jsonl");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("sigil tail: unknown option: '--formt'\n").contains("--format")
                .endsWith("Run 'sigil tail --help' for its usage.\n").doesNotContain("Usage:");
    }

    @Test
    void aValueOfTheWrongKindAndAMissingArgumentAreOneLineEach() {
        CliRun bad = CliRun.run(Map.of(), "validate", "--max-errors", "abc", "x.jsonl");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).isEqualTo("sigil validate: invalid value for option '--max-errors': 'abc' is not a long\n"
                + "Run 'sigil validate --help' for its usage.\n");
        CliRun missing = CliRun.run(Map.of(), "validate", "--max-errors");
        assertThat(missing.err()).isEqualTo("sigil validate: missing required parameter for option '--max-errors' (N)\n"
                + "Run 'sigil validate --help' for its usage.\n");
        CliRun nothing = CliRun.run(Map.of("HOME", "/nonexistent"), "validate");
        assertThat(nothing.err()).isEqualTo("sigil validate: give the PATH of a log, or --session ID\n");
    }

    @Test
    void controlCharactersInTheArgumentsDoNotReachTheTerminal() {
        CliRun run = CliRun.run(Map.of(), "validate", "--\u001b[31mred");
        assertThat(run.err()).doesNotContain("\u001b");
    }
}
