package dev.sigil.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * Where the model of sigil's command line comes from (ADR 0195). picocli builds it from the annotations of the command
 * classes, which is most of a short run's time (it parses them through generated proxy classes no cache can hold), so
 * the build writes the same model as code ({@code src/codegen/CommandModelGenerator.java} reads it from picocli and
 * writes {@code GeneratedCommands}); the annotations stay the one home of every name, description and default.
 * Without that class (a build that skipped the step) picocli reads the annotations at run time, as it did before.
 */
interface CommandModels {

    /** The root bound to {@code root}, without the standard help options (see {@link #addStandardHelpOptions}). */
    CommandSpec root(SigilCommand root);

    /** The subcommand {@code name} bound to a new instance whose parent is {@code root}; null: read its annotations. */
    CommandSpec subcommand(String name, SigilCommand root);

    /** What the root's help and its "did you mean" need of {@code name}: its name, aliases and summary. */
    CommandSpec listing(String name);

    /**
     * Adds the standard help options ({@code -h}, {@code -V}) to {@code spec}, last, as picocli makes them from its own
     * annotations and adds them to each command under a root that asks for them; false when picocli adds them itself
     * (the model read from the annotations, whose root has them from the start).
     */
    boolean addStandardHelpOptions(CommandSpec spec);

    /** The generated model, or, without it, the annotations read by picocli. */
    static CommandModels get() {
        try {
            return (CommandModels) Class.forName("dev.sigil.cli.GeneratedCommands").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new AnnotatedCommands();
        }
    }
}
