package dev.sigil.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import dev.sigil.testing.ExampleTree;

/**
 * The examples of the documentation run as written, with the packaged launcher, in bash: every {@code console} block
 * of docs/cli.md (in a directory holding docs/examples' files) and of docs/walkthrough.md (in a copy of the
 * repository's examples laid out as its root, {@link ExampleTree}) gives the output shown after each {@code $ command}, its stdout and stderr lines in the order shown (each
 * stream's own order is checked; how the two interleave on a terminal is the terminal's); {@code $PWD} in an
 * expected line stands for the directory it ran in. Every command docs/cli.md names inline runs without an internal
 * error, and the few whose result the text states give it.
 */
class DocsExamplesIT {

    private static final Path ROOT = Path.of(System.getProperty("sigil.home", "")).toAbsolutePath();
    private static final Pattern CONSOLE = Pattern.compile("```console\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void everyConsoleExampleOfTheCommandLineReferenceGivesItsOutput() throws Exception {
        for (Path f : Files.list(ROOT.resolve("docs/examples")).filter(Files::isRegularFile).toList()) {
            Files.copy(f, work.resolve(f.getFileName()));
        }
        Files.writeString(work.resolve("big.jsonl"), "{\"a\": 1}\n".repeat(200_000));
        int blocks = runBlocks(ROOT.resolve("docs/cli.md"), work);
        assertThat(blocks).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyConsoleExampleOfTheWalkthroughGivesItsOutput() throws Exception {
        int blocks = runBlocks(ROOT.resolve("docs/walkthrough.md"), ExampleTree.create(ROOT, work));
        assertThat(blocks).isGreaterThanOrEqualTo(5);
        assertThat(work.resolve("docs/examples/logs/.monitor.lock")).as("the monitors ran on the copy").exists();
        assertThat(ROOT.resolve("docs/examples/logs/.monitor.lock")).as("nothing written into the source tree").doesNotExist();
    }

    @Test
    void everyConsoleExampleOfTheHistoryPageGivesItsOutput() throws Exception {
        Path tree = ExampleTree.create(ROOT, work);
        int blocks = runBlocks(ROOT.resolve("docs/report.md"), tree);
        assertThat(blocks).isGreaterThanOrEqualTo(5);
        assertThat(tree.resolve("docs/examples/history/sessions/hist-a/report.cache.json")).as("the reports kept their totals").exists();
        // the examples ran again read the kept totals: the same output
        assertThat(runBlocks(ROOT.resolve("docs/report.md"), tree)).isEqualTo(blocks);
    }

    @Test
    void everyCommandTheReferenceNamesInlineRuns() throws Exception {
        Files.writeString(work.resolve("log.jsonl"), "{\"a\": 1}\n{\"b\": 2}\n");
        String doc = Files.readString(ROOT.resolve("docs/cli.md"));
        Matcher m = Pattern.compile("`((?:echo [^`|]*\\| |printf [^`|]*\\| |source <\\()?sigil [a-z][^`]*)`").matcher(doc);
        Map<String, String> stated = new HashMap<>(Map.of(
                "echo hello | sigil tokens", "2\n", "sigil tokens hello", "1\n", "printf %s - | sigil tokens", "1\n",
                "sigil fmt log.jsonl | head -1", "{\"a\":1}\n"));
        int ran = 0;
        while (m.find()) {
            String command = m.group(1);
            if (command.contains(": ") || command.contains("COMMAND") || command.contains("...")) {
                continue; // an output shown inline, or a pattern, not a command
            }
            String script = command.startsWith("source <(") ? command + " && complete -p sigil" : command;
            ProcessResult r = bash(script, work);
            String out = r.outputUTF8();
            assertThat(out).as(command).doesNotContain("internal error", "Exception");
            assertThat(r.getExitValue()).as(command + "\n" + out).isIn(0, 1, 2);
            if (stated.containsKey(command)) {
                assertThat(out).as(command).isEqualTo(stated.remove(command));
            }
            ran++;
        }
        assertThat(stated).as("commands whose result the text states were all found").isEmpty();
        assertThat(ran).isGreaterThanOrEqualTo(8);
    }

    /** Runs each console block of {@code doc} in {@code dir}; returns how many there were. */
    private int runBlocks(Path doc, Path dir) throws Exception {
        Matcher m = CONSOLE.matcher(Files.readString(doc, StandardCharsets.UTF_8));
        int blocks = 0;
        while (m.find()) {
            runBlock(doc, m.group(1), dir);
            blocks++;
        }
        return blocks;
    }

    private void runBlock(Path doc, String block, Path dir) throws Exception {
        List<String> commands = new ArrayList<>();
        List<List<String>> expected = new ArrayList<>();
        for (String line : block.split("\n", -1)) {
            if (line.startsWith("$ ")) {
                commands.add(line.substring(2));
                expected.add(new ArrayList<>());
            } else if (!expected.isEmpty()) {
                expected.get(expected.size() - 1).add(line.replace("$PWD", dir.toString()));
            }
        }
        List<String> last = expected.get(expected.size() - 1);
        if (!last.isEmpty() && last.get(last.size() - 1).isEmpty()) {
            last.remove(last.size() - 1); // the newline before the closing fence
        }
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < commands.size(); i++) {
            // a marker on both streams before each command; (exit $rc) gives `echo $?` the previous command's status
            script.append("rc=$?; printf '@@%d\\n'; printf '@@%d\\n' >&2; (exit $rc); ".formatted(i, i)).append(commands.get(i)).append('\n');
        }
        Path err = Files.createTempFile(home, "stderr", ".txt");
        ProcessResult r = bash(script + "", dir, err);
        List<List<String>> outs = split(r.outputUTF8());
        List<List<String>> errs = split(Files.readString(err, StandardCharsets.UTF_8));
        for (int i = 0; i < commands.size(); i++) {
            assertThat(interleaves(expected.get(i), outs.get(i), errs.get(i)))
                    .as("%s: $ %s%nexpected:%n%s%nstdout:%n%s%nstderr:%n%s", doc.getFileName(), commands.get(i),
                            String.join("\n", expected.get(i)), String.join("\n", outs.get(i)), String.join("\n", errs.get(i)))
                    .isTrue();
        }
    }

    /** The lines after each marker {@code @@i}. */
    private static List<List<String>> split(String text) {
        List<List<String>> parts = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.matches("@@\\d+")) {
                parts.add(new ArrayList<>());
            } else if (!parts.isEmpty()) {
                parts.get(parts.size() - 1).add(line);
            }
        }
        List<String> last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
        if (last != null && !last.isEmpty() && last.get(last.size() - 1).isEmpty()) {
            last.remove(last.size() - 1);
        }
        return parts;
    }

    /** Whether {@code expected} is {@code out} and {@code err} merged, each in its own order. */
    static boolean interleaves(List<String> expected, List<String> out, List<String> err) {
        boolean[][] can = new boolean[out.size() + 1][err.size() + 1];
        can[0][0] = true;
        for (int i = 0; i <= out.size(); i++) {
            for (int j = 0; j <= err.size(); j++) {
                int k = i + j;
                if (k == 0 || k > expected.size()) {
                    continue;
                }
                String want = expected.get(k - 1);
                can[i][j] = (i > 0 && can[i - 1][j] && out.get(i - 1).equals(want)) || (j > 0 && can[i][j - 1] && err.get(j - 1).equals(want));
            }
        }
        return out.size() + err.size() == expected.size() && can[out.size()][err.size()];
    }

    private ProcessResult bash(String script, Path dir) throws Exception {
        return new ProcessExecutor().command("bash", "--norc", "--noprofile", "-c", script).directory(dir.toFile())
                .environment(env()).redirectErrorStream(true).readOutput(true).timeout(120, TimeUnit.SECONDS).execute();
    }

    private ProcessResult bash(String script, Path dir, Path stderr) throws Exception {
        return new ProcessExecutor().command("bash", "--norc", "--noprofile", "-c", script).directory(dir.toFile())
                .environment(env()).redirectError(Files.newOutputStream(stderr)).readOutput(true).timeout(120, TimeUnit.SECONDS).execute();
    }

    private Map<String, String> env() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("SIGIL_NO_BUILD", "1");
        env.put("PATH", ROOT.resolve("scripts") + ":" + System.getenv("PATH"));
        env.put("LC_ALL", "C.UTF-8");
        return env;
    }
}
