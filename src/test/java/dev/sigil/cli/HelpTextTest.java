package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every command's help: no path or file name is split across two lines, and no Java type name is shown. */
class HelpTextTest {

    /** Words of the help's sources that name a path or a file: with a slash, a ~, or a file extension. */
    private static final Pattern PATHLIKE = Pattern.compile("[~$A-Za-z0-9_.<>-]*(/[A-Za-z0-9_.<>*-]*)+|[A-Za-z0-9_<>-]+\\.(jsonl|json|yaml|md|sh|gz)");

    @Test
    void noPathIsSplitAcrossLines() {
        CommandLine root = SigilCommand.commandLine(new Environment(Map.of(), new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), false, false));
        int checked = 0;
        for (CommandLine cmd : all(root)) {
            String help = cmd.getUsageMessage();
            for (String source : sources(cmd.getCommandSpec())) {
                Matcher m = PATHLIKE.matcher(source);
                while (m.find()) {
                    String path = m.group().replaceAll("[.]+$", "");
                    if (path.length() > 2) {
                        assertThat(help).as("%s --help holds %s on one line", cmd.getCommandSpec().qualifiedName(), path).contains(path);
                        checked++;
                    }
                }
            }
            assertThat(help).as(cmd.getCommandSpec().qualifiedName()).doesNotContainPattern("\\b(java\\.|Integer|Long|Double|String)\\b");
        }
        assertThat(checked).as("paths checked").isGreaterThan(30);
    }

    private static List<CommandLine> all(CommandLine cmd) {
        List<CommandLine> out = new ArrayList<>(List.of(cmd));
        for (CommandLine sub : cmd.getSubcommands().values()) {
            out.addAll(all(sub));
        }
        return out;
    }

    private static List<String> sources(CommandSpec spec) {
        List<String> out = new ArrayList<>(List.of(spec.usageMessage().description()));
        out.addAll(List.of(spec.usageMessage().footer()));
        out.addAll(spec.usageMessage().exitCodeList().values());
        for (ArgSpec arg : spec.args()) {
            out.addAll(List.of(arg.description()));
        }
        return out;
    }
}
