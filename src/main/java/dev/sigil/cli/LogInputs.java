package dev.sigil.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.format.FormatSet;
import dev.sigil.report.LogSource;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What a command that reads logs after the fact reads, and how it prices them: {@code PATH...}, {@code -s/--session}
 * or {@code --all} (exactly one, {@link LogSelection}), {@code -l/--log-path}, {@code --prices} and {@code --input-format}. The one home of
 * these options for {@code report}, {@code query} and {@code alerts test/watch} (a picocli mixin).
 */
class LogInputs {

    @Mixin
    SessionOptions logs;

    @Mixin
    PriceOptions prices;

    @Mixin
    FormatOptions formats;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Logs to read: files, or session directories.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--all", description = "Every session under the log directory.")
    boolean all;

    /** The files to read, in order. */
    List<LogSource> sources(Environment env) throws IOException {
        return LogSelection.sources(env, paths, logs, all);
    }

    /** The formats to read them in: the built-in ones, the user's, or the one {@code --input-format} forces. */
    FormatSet formats(Environment env) {
        return formats.formats(env, logs.logs(env).loaded().config().formats());
    }
}
