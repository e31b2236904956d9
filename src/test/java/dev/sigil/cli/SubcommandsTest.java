package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Building only the invoked subcommand (ADR 0160) changes nothing a user sees: the same help, errors and commands. */
class SubcommandsTest {

    private static Environment env() {
        return new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), false, false);
    }

    /** What {@code args} prints to stdout and stderr, and its exit code, on {@code cmd}. */
    static String run(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return code + "\n" + out + "\n--\n" + err;
    }

    @Test
    void everyNameIsTheNameItsCommandDeclares() {
        for (String name : Subcommands.NAMES) {
            assertThat(Subcommands.type(name).getAnnotation(Command.class).name()).isEqualTo(name);
        }
        assertThat(Subcommands.type("no-such-command")).isNull();
    }

    @Test
    void theHelpListsTheCommandsAlphabetically() {
        assertThat(Subcommands.NAMES).isSorted();
    }

    @Test
    void theFullTreeHasEveryCommandInTheHelpsOrder() {
        assertThat(new ArrayList<>(SigilCommand.commandLine(env()).getSubcommands().keySet())).isEqualTo(Subcommands.NAMES);
    }

    @Test
    void theRootsHelpFromTheListingIsTheFullTreesHelp() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"-h"}, new String[] {"valdate"},
                new String[] {"--no-such-option"}, new String[] {"--help", "tail"})) {
            String first = args.length > 0 ? args[0] : null;
            assertThat(run(SigilCommand.commandLine(env(), first), args)).as(String.join(" ", args))
                    .isEqualTo(run(SigilCommand.commandLine(env()), args));
        }
        String help = run(SigilCommand.commandLine(env(), "--help"), "--help");
        for (String name : Subcommands.NAMES) {
            assertThat(help).contains("\n  " + name + " ");
        }
    }

    @Test
    void theNamedCommandAloneIsBuiltAndHelpsAsInTheFullTree() {
        for (String name : Subcommands.NAMES) {
            CommandLine cmd = SigilCommand.commandLine(env(), name);
            List<String> expected = name.equals("generate-completion") ? Subcommands.NAMES : List.of(name);
            assertThat(new ArrayList<>(cmd.getSubcommands().keySet())).as(name).isEqualTo(expected);
            if (!name.equals("generate-completion")) {
                assertThat(run(cmd, name, "--help")).as(name).isEqualTo(run(SigilCommand.commandLine(env()), name, "--help"));
                assertThat(run(cmd, name, "--no-such-option")).as(name)
                        .isEqualTo(run(SigilCommand.commandLine(env()), name, "--no-such-option"));
            }
        }
    }
}
