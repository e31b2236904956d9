package dev.sigil.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;

import dev.sigil.contract.codec.CanonicalLines;
import dev.sigil.text.TerminalText;
import dev.sigil.validate.LineMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil fmt}: rewrites JSON lines into the canonical byte form. */
@Command(name = "fmt",
        header = "Rewrite JSON lines into the bytes CPython writes.",
        description = {
            "Writes each line as the exact bytes of CPython's",
            "  json.dumps(json.loads(line), separators=(',', ':'))",
            "followed by a newline, to stdout.",
            "",
            "A line that is not JSON is reported on stderr as PATH:LINE: reason and left",
            "out; blank lines are dropped."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every line was JSON", "1:some lines were not JSON (reported on stderr)", "2:an input could not be read"})
final class FmtCommand implements Callable<Integer> {

    @ParentCommand
    SigilCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files to read; '-' or nothing reads standard input.")
    List<String> paths = List.of();

    @Option(names = "--max-line-bytes", paramLabel = "N", description = "Longest line read, in bytes (default: ${DEFAULT-VALUE}); longer lines are reported and skipped.")
    int maxLineBytes = dev.sigil.validate.LogValidator.DEFAULT_MAX_LINE_BYTES;

    @Override
    public Integer call() throws IOException {
        if (maxLineBytes < 1) {
            throw UserError.usage("--max-line-bytes must be at least 1");
        }
        Environment env = root.environment();
        PrintWriter err = spec.commandLine().getErr();
        OutputStream out = new BufferedOutputStream(new StandardOutput(env.stdout()), 1 << 16);
        CanonicalLines lines = new CanonicalLines(maxLineBytes);
        long[] bad = {0};
        int status = ExitCode.OK;
        for (String name : paths.isEmpty() ? List.of("-") : paths) {
            CanonicalLines.Problems problems = new CanonicalLines.Problems() {
                @Override
                public void notJson(long number, String reason, int column) {
                    bad[0]++;
                    err.println(TerminalText.visible(name + ":" + number + ": " + reason + (column > 0 ? " (column " + column + ")" : "")));
                }

                @Override
                public void tooLong(long number, long length) {
                    bad[0]++;
                    err.println(TerminalText.visible(name + ":" + number + ": line of " + length + " bytes is longer than --max-line-bytes "
                            + maxLineBytes + "; skipped"));
                }

                @Override
                public void outOfMemory(long number, long length) {
                    bad[0]++;
                    err.println(TerminalText.visible(name + ":" + number + ": " + LineMemory.describe(length)));
                }
            };
            long size = InputFiles.size(name);
            try (InputStream in = InputFiles.open(name, env)) {
                if (size >= ValidateCommand.PARALLEL_FROM_BYTES) {
                    lines.rewriteInParallel(in, out, problems);
                } else {
                    lines.rewrite(in, out, problems);
                }
            } catch (UserError e) {
                err.println(TerminalText.visible("sigil fmt: " + e.getMessage()));
                status = ExitCode.USAGE;
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        out.flush();
        err.flush();
        if (status != ExitCode.OK) {
            return status;
        }
        return bad[0] > 0 ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
