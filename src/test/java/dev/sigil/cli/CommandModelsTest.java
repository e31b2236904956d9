package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The command model generated at build time (ADR 0195) is the one picocli builds from the annotations: for every
 * command line a start can build (the root's listing, each subcommand alone, the full tree), the same commands,
 * options and positional parameters in the same order with every attribute, the same injected fields, help text byte
 * for byte, completion script, parse results and errors. Only picocli's registry of mixins differs: a mixin of options
 * alone, and the standard help options, are generated as their options (what picocli adds of them to the command),
 * without the CommandSpec of their own.
 */
class CommandModelsTest {

    private static Environment env() {
        return new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), false, false);
    }

    private static CommandLine generated(String first, boolean full) {
        return SigilCommand.configured(env(), first, full, CommandModels.get());
    }

    private static CommandLine annotated(String first, boolean full) {
        return SigilCommand.configured(env(), first, full, new AnnotatedCommands());
    }

    @Test
    void theBuildGeneratedTheModel() {
        assertThat(CommandModels.get()).isNotInstanceOf(AnnotatedCommands.class);
    }

    @Test
    void everyCommandLineIsTheOneTheAnnotationsMake() {
        List<String> firsts = new ArrayList<>(Subcommands.NAMES);
        firsts.addAll(Arrays.asList(null, "--help", "no-such-command"));
        for (String first : firsts) {
            assertThat(describe(generated(first, false))).as(String.valueOf(first)).isEqualTo(describe(annotated(first, false)));
        }
        assertThat(describe(generated(null, true))).isEqualTo(describe(annotated(null, true)));
    }

    @Test
    void theCompletionScriptIsTheSame() {
        assertThat(AutoComplete.bash("sigil", generated(null, true))).isEqualTo(AutoComplete.bash("sigil", annotated(null, true)));
    }

    @Test
    void parsingAndErrorsAreTheSame() {
        List<String[]> lines = List.of(new String[] {"tail", "--format"}, new String[] {"tail", "--max-line-bytes", "x", "a"},
                new String[] {"validate", "--no-such"}, new String[] {"fmt", "-h"}, new String[] {"monitor", "--mode", "nope"},
                new String[] {"report", "--by", "nope", "x"}, new String[] {"tokens", "--encoding"}, new String[] {"-V"},
                new String[] {"alerts", "test", "--help"}, new String[] {"logs", "rotate", "--help"}, new String[] {"prices", "--help"});
        for (String[] args : lines) {
            assertThat(SubcommandsTest.run(generated(args[0], false), args)).as(String.join(" ", args))
                    .isEqualTo(SubcommandsTest.run(annotated(args[0], false), args));
        }
    }

    @Test
    void parsedValuesReachTheSameFields() {
        List<String[]> lines = List.of(new String[] {"tail", "--format", "jsonl", "-v", "--max-line-bytes", "5", "-l", "d", "a", "b"},
                new String[] {"validate", "--input-format", "pino", "x"}, new String[] {"monitor", "--mode", "stream", "--no-follow", "x"},
                new String[] {"report", "--all", "--prices", "p.yaml"}, new String[] {"fmt", "x", "y"}, new String[] {"tokens", "--file", "x"});
        for (String[] args : lines) {
            CommandLine g = generated(args[0], false);
            CommandLine a = annotated(args[0], false);
            g.parseArgs(args);
            a.parseArgs(args);
            assertThat(describe(g)).as(String.join(" ", args)).isEqualTo(describe(a));
        }
    }

    /** Everything picocli knows of the tree, and the help of each command as a user sees it. */
    private static String describe(CommandLine root) {
        StringBuilder b = new StringBuilder();
        Map<Object, String> names = new IdentityHashMap<>();
        name(root, names);
        describe(root, names, b);
        return b.toString();
    }

    private static void name(CommandLine cmd, Map<Object, String> names) {
        CommandSpec spec = cmd.getCommandSpec();
        names.put(spec, "spec of " + spec.qualifiedName());
        names.put(spec.userObject(), "command " + spec.qualifiedName());
        for (Map.Entry<String, CommandSpec> m : spec.mixins().entrySet()) {
            names.put(m.getValue(), "spec of mixin " + m.getKey() + " of " + spec.qualifiedName());
            names.put(m.getValue().userObject(), "mixin " + m.getKey() + " of " + spec.qualifiedName());
            for (Map.Entry<String, CommandSpec> n : m.getValue().mixins().entrySet()) {
                names.put(n.getValue(), "spec of mixin " + n.getKey() + " of mixin " + m.getKey() + " of " + spec.qualifiedName());
                names.put(n.getValue().userObject(), "mixin " + n.getKey() + " of mixin " + m.getKey() + " of " + spec.qualifiedName());
            }
        }
        for (CommandLine sub : cmd.getSubcommands().values()) {
            name(sub, names);
        }
    }

    private static void describe(CommandLine cmd, Map<Object, String> names, StringBuilder b) {
        CommandSpec s = cmd.getCommandSpec();
        b.append("== ").append(s.qualifiedName()).append('\n');
        line(b, "aliases", s.aliases());
        line(b, "user object", s.userObject() == null ? null : s.userObject() instanceof java.lang.reflect.Method m ? m.getName() : s.userObject().getClass().getName());
        line(b, "inherited", s.inherited());
        line(b, "scope", s.scopeType());
        line(b, "help command", s.helpCommand());
        line(b, "version provider", s.versionProvider() == null ? null : s.versionProvider().getClass().getName());
        line(b, "exit codes", List.of(s.exitCodeOnSuccess(), s.exitCodeOnUsageHelp(), s.exitCodeOnVersionHelp(), s.exitCodeOnInvalidInput(),
                s.exitCodeOnExecutionException()));
        line(b, "parser", List.of(s.parser().separator(), s.parser().unmatchedArgumentsAllowed(), s.parser().posixClusteredShortOptionsAllowed(),
                s.parser().stopAtPositional(), s.parser().caseInsensitiveEnumValuesAllowed()));
        UsageMessageSpec u = s.usageMessage();
        line(b, "usage", List.of(u.abbreviateSynopsis(), u.autoWidth(), u.commandListHeading(), u.customSynopsis(), u.description(),
                u.descriptionHeading(), u.exitCodeList(), u.exitCodeListHeading(), u.footer(), u.footerHeading(), u.header(), u.headerHeading(),
                u.hidden(), u.longOptionsMaxWidth(), u.optionListHeading(), u.parameterListHeading(), u.requiredOptionMarker(),
                u.showAtFileInUsageHelp(), u.showDefaultValues(), u.showEndOfOptionsDelimiterInUsageHelp(), u.sortOptions(), u.sortSynopsis(),
                u.synopsisHeading(), u.synopsisSubcommandLabel(), u.width()).stream().map(CommandModelsTest::text).toList());
        line(b, "subcommands", cmd.getSubcommands().keySet());
        for (ArgSpec a : s.args()) {
            b.append("  ").append(a.isOption() ? "option " + Arrays.toString(((OptionSpec) a).names())
                    : "positional " + ((PositionalParamSpec) a).index()).append('\n');
            arg(a, b);
        }
        fields(s.userObject(), names, b);
        b.append(cmd.getUsageMessage(Help.Ansi.OFF));
        for (CommandLine sub : new java.util.LinkedHashSet<>(cmd.getSubcommands().values())) {
            describe(sub, names, b);
        }
    }

    private static void arg(ArgSpec a, StringBuilder b) {
        line(b, "arity", a.arity() + " unspecified " + a.arity().isUnspecified());
        line(b, "type", a.type().getName() + " " + Arrays.toString(a.auxiliaryTypes()));
        var t = a.typeInfo();
        line(b, "type info", List.of(t.getClassName(), t.isMultiValue(), t.isCollection(), t.isMap(), t.isArray(), t.isEnum(), t.isOptional(),
                t.isBoolean(), t.getEnumConstantNames()));
        line(b, "label", a.paramLabel() + " " + a.hideParamSyntax());
        line(b, "description", a.description());
        line(b, "description key", a.descriptionKey());
        line(b, "default", a.defaultValue() + " initial " + a.initialValue() + " " + a.hasInitialValue() + " shown " + a.showDefaultValue());
        line(b, "required hidden inherited scope", List.of(a.required(), a.hidden(), a.inherited(), a.scopeType()));
        line(b, "split", a.splitRegex() + " " + a.splitRegexSynopsisLabel());
        line(b, "string", a.toString());
        line(b, "candidates", a.completionCandidates() == null ? null : String.join(",", a.completionCandidates()));
        line(b, "value", text(a.getValue()));
        if (a instanceof OptionSpec o) {
            @SuppressWarnings("deprecation")
            boolean help = o.help();
            line(b, "help", List.of(help, o.usageHelp(), o.versionHelp(), o.negatable(), String.valueOf(o.fallbackValue()), o.order()));
        }
    }

    /** The fields picocli fills (@Spec, @ParentCommand, @Mixin) of {@code user}: what each points at. */
    private static void fields(Object user, Map<Object, String> names, StringBuilder b) {
        if (user == null || user instanceof java.lang.reflect.Method || !user.getClass().getPackageName().equals("dev.sigil.cli")) {
            return;
        }
        for (Class<?> c = user.getClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Spec.class) || f.isAnnotationPresent(ParentCommand.class) || f.isAnnotationPresent(Mixin.class)) {
                    try {
                        f.setAccessible(true);
                        Object v = f.get(user);
                        String field = "field " + c.getSimpleName() + "." + f.getName();
                        if (f.isAnnotationPresent(Mixin.class)) {
                            line(b, field, v == null ? null : "mixin " + v.getClass().getName());
                            fields(v, names, b);
                        } else {
                            line(b, field, v == null ? null : names.getOrDefault(v, "unknown " + v.getClass().getName()));
                        }
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
    }

    private static String text(Object v) {
        if (v instanceof Object[] a) {
            return Arrays.toString(a);
        }
        return String.valueOf(v);
    }

    private static void line(StringBuilder b, String what, Object value) {
        b.append("    ").append(what).append(": ").append(text(value)).append('\n');
    }
}
