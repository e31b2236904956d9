package dev.sigil.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command model as picocli builds it from the annotations at run time: the reference the generated model is
 * checked against (ADR 0195), and what runs when the build did not generate it.
 */
final class AnnotatedCommands implements CommandModels {

    @Override
    public CommandSpec root(SigilCommand root) {
        return CommandSpec.forAnnotatedObject(root);
    }

    @Override
    public CommandSpec subcommand(String name, SigilCommand root) {
        return null;
    }

    @Override
    public CommandSpec listing(String name) {
        Command c = Subcommands.type(name).getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.create().name(name).aliases(c.aliases());
        spec.usageMessage().header(c.header()).description(c.description()).hidden(c.hidden());
        return spec;
    }

    @Override
    public boolean addStandardHelpOptions(CommandSpec spec) {
        return false;
    }
}
