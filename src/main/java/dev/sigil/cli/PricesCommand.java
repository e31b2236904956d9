package dev.sigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import dev.sigil.cost.Lookup;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.prices.Explanation;
import dev.sigil.prices.ExplanationText;
import dev.sigil.prices.LoadedPrices;
import dev.sigil.prices.PriceExplainer;
import dev.sigil.prices.PriceListing;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil prices}: what sigil knows of model prices, and which price each model of a log matched. */
@Command(name = "prices",
        versionProvider = PricesCommand.Version.class,
        description = {
            "List the model prices sigil knows, or explain the prices of a log.",
            "",
            "Prices are the snapshot of @pydantic/genai-prices in the jar (its version",
            "and date: --version), with ~/.sigil/prices.yaml and --prices FILE applied",
            "on top (their models win). MODEL provider:model-id shows that model as",
            "pricing finds it; any other MODEL filters the table by name. A model with",
            "no price is unpriced: its tokens are counted, never priced at $0.",
            "How a cost is computed and the override format: docs/cost.md."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed or explained", "1:the model, or a model of the log, is unpriced; or no model matches",
            "2:bad arguments, an unreadable file, or an invalid price file (every problem on stderr)"})
final class PricesCommand implements Callable<Integer> {

    @ParentCommand
    SigilCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", arity = "0..1", description = "provider:model-id to look up, or text to filter the table by.")
    String model;

    @Option(names = "--explain", paramLabel = "FILE", description = "For the log FILE ('-' for standard input), show which price each model matched and why, and what its calls cost.")
    String explain;

    @Mixin
    PriceOptions prices;

    @Mixin
    ConfigOptions config;

    /** With --explain: the format of the log (docs/formats.md). */
    @Mixin
    FormatOptions formats;

    @Override
    public Integer call() throws IOException {
        LoadedPrices prices = this.prices.loaded(root.environment(), spec);
        PrintWriter out = spec.commandLine().getOut();
        Instant now = Instant.now();
        if (explain != null) {
            Explanation e;
            try (InputStream in = InputFiles.open(explain, root.environment())) {
                FormatSet logFormats = formats.formats(root.environment(), config.load(root.environment(), List.of()).config().formats());
                e = new PriceExplainer(prices.catalog(), ZoneId.systemDefault(), now, logFormats)
                        .explain(explain, in, dev.sigil.validate.LogValidator.DEFAULT_MAX_LINE_BYTES);
            }
            print(out, ExplanationText.lines(e));
            return e.unpricedTokens() > 0 ? ExitCode.FINDINGS : ExitCode.OK;
        }
        if (model != null && model.contains(":")) {
            Lookup lookup = prices.catalog().find(model);
            print(out, PriceListing.detail(prices.catalog(), lookup, now));
            return lookup.found() ? ExitCode.OK : ExitCode.FINDINGS;
        }
        List<String> table = PriceListing.table(prices.catalog(), model == null ? "" : model);
        if (table.isEmpty()) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": no model's name contains " + model);
            spec.commandLine().getErr().flush();
            return ExitCode.FINDINGS;
        }
        print(out, table);
        return ExitCode.OK;
    }

    private static void print(PrintWriter out, List<String> lines) {
        lines.forEach(l -> out.println(TerminalText.visible(l)));
        out.flush();
    }

    /** {@code sigil prices --version}: the price data's version and date, and the override files in effect. */
    static final class Version implements IVersionProvider {

        @Spec
        CommandSpec spec;

        @Override
        public String[] getVersion() {
            PricesCommand command = spec.commandLine().getCommand();
            return PriceListing.version(command.prices.loaded(command.root.environment(), spec)).toArray(String[]::new);
        }
    }
}
