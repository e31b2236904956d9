package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** Parse-only tests: arguments bind to the right fields; nothing runs. */
class CliParseTest {

    private static CommandLine commandLine() {
        Environment env = new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), false, false);
        return SigilCommand.commandLine(env);
    }

    @Test
    void validateOptions() {
        ParseResult result = commandLine().parseArgs("validate", "--schema", "s.json", "--format", "json", "--max-errors", "3",
                "--max-line-bytes", "1024", "a.jsonl", "-");
        ValidateCommand validate = (ValidateCommand) result.subcommand().commandSpec().userObject();
        assertThat(validate.schemaFile).isEqualTo(Path.of("s.json"));
        assertThat(validate.format).isEqualTo(ValidateCommand.Format.json);
        assertThat(validate.maxErrors).isEqualTo(3);
        assertThat(validate.maxLineBytes).isEqualTo(1024);
        assertThat(validate.paths).containsExactly("a.jsonl", "-");
    }

    @Test
    void validateDefaults() {
        ParseResult result = commandLine().parseArgs("validate", "x.jsonl");
        ValidateCommand validate = (ValidateCommand) result.subcommand().commandSpec().userObject();
        assertThat(validate.schemaFile).isNull();
        assertThat(validate.format).isEqualTo(ValidateCommand.Format.text);
        assertThat(validate.maxErrors).isZero();
        assertThat(validate.maxLineBytes).isEqualTo(16 * 1024 * 1024);
    }

    @Test
    void fmtReadsStandardInputByDefault() {
        ParseResult result = commandLine().parseArgs("fmt");
        FmtCommand fmt = (FmtCommand) result.subcommand().commandSpec().userObject();
        assertThat(fmt.paths).isEmpty();
    }

    @Test
    void badArgumentsAreParseErrors() {
        assertThatThrownBy(() -> commandLine().parseArgs("validate", "--max-errors")).isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> commandLine().parseArgs("validate", "--format", "xml", "a")).isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> commandLine().parseArgs("validate", "--max-errors", "many", "a")).isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> commandLine().parseArgs("fmt", "--no-such-option")).isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void everyOptionAndParameterHasADescription() {
        for (CommandLine sub : commandLine().getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            for (OptionSpec option : spec.options()) {
                assertThat(String.join("", option.description())).as("%s %s", spec.qualifiedName(), option.longestName()).isNotBlank();
            }
            spec.positionalParameters().forEach(p -> assertThat(String.join("", p.description()))
                    .as("%s %s", spec.qualifiedName(), p.paramLabel()).isNotBlank());
            assertThat(String.join("", spec.usageMessage().description())).as("description of %s", spec.qualifiedName()).isNotBlank();
        }
    }

    @Test
    void everyCommandAnswersHelp() {
        for (var entry : commandLine().getSubcommands().entrySet()) {
            ParseResult result = commandLine().parseArgs(entry.getKey(), "--help");
            assertThat(result.subcommand().isUsageHelpRequested()).as("'sigil %s --help'", entry.getKey()).isTrue();
        }
    }

    @Test
    void helpListsTheCommandsAndTheirExitCodes() {
        CommandLine cmd = commandLine();
        assertThat(cmd.getUsageMessage()).contains("validate", "fmt");
        for (String name : List.of("validate", "fmt")) {
            assertThat(cmd.getSubcommands().get(name).getUsageMessage()).as(name).contains("Exit codes:");
        }
    }
}
