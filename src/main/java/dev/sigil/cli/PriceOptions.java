package dev.sigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

import dev.sigil.cost.PriceCatalog;
import dev.sigil.cost.UsagePricer;
import dev.sigil.layout.SigilHome;
import dev.sigil.prices.BundledPrices;
import dev.sigil.prices.LoadedPrices;
import dev.sigil.prices.PriceFileException;
import dev.sigil.prices.PriceFiles;
import dev.sigil.prices.PriceSource;
import dev.sigil.spend.Prices;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --prices FILE}, for every command that prices: the snapshot, {@code ~/.sigil/prices.yaml}, then FILE
 * (docs/cost.md §4). An invalid override file stops the command with each problem on stderr (exit 2); without one
 * the snapshot is read only when something is priced.
 */
class PriceOptions {

    @Option(names = "--prices", paramLabel = "FILE", description = "Also read price overrides from FILE (its models win over ~/.sigil/prices.yaml).")
    Path pricesFile;

    /** Every price file read now, with where each came from (for {@code sigil prices}). */
    LoadedPrices loaded(Environment env, CommandSpec spec) {
        try {
            return PriceFiles.load(BundledPrices.catalog(), home(env), Optional.ofNullable(pricesFile));
        } catch (PriceFileException e) {
            throw invalid(e, spec);
        }
    }

    /** The catalog, read when first needed (now, if an override file exists). */
    Supplier<PriceCatalog> catalog(Environment env, CommandSpec spec) {
        try {
            return PriceSource.of(home(env), Optional.ofNullable(pricesFile));
        } catch (PriceFileException e) {
            throw invalid(e, spec);
        }
    }

    UsagePricer pricer(Environment env, CommandSpec spec) {
        return new UsagePricer(catalog(env, spec));
    }

    /** How a reader prices lines: naive timestamps are this machine's local time. */
    Prices prices(Environment env, CommandSpec spec) {
        return new Prices(pricer(env, spec)::usd, ZoneId.systemDefault());
    }

    /**
     * What the prices in effect are made of, for a cache of priced totals: sigil's version (its bundled snapshot) and
     * each override file's path, size and modification time ({@code -} for one that does not exist).
     */
    String identity(Environment env) {
        StringBuilder s = new StringBuilder(String.valueOf(PriceOptions.class.getPackage().getImplementationVersion()));
        for (Path p : pricesFile == null ? java.util.List.of(home(env)) : java.util.List.of(home(env), pricesFile)) {
            s.append('|').append(p.toAbsolutePath());
            try {
                s.append(' ').append(java.nio.file.Files.size(p)).append(' ').append(java.nio.file.Files.getLastModifiedTime(p).toMillis());
            } catch (java.io.IOException none) {
                s.append(" -");
            }
        }
        return s.toString();
    }

    private static Path home(Environment env) {
        return SigilHome.of(env.variables()).pricesFile();
    }

    private static UserError invalid(PriceFileException e, CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        e.problems().forEach(p -> err.println(TerminalText.visible(spec.qualifiedName() + ": error: " + p)));
        err.flush();
        return UserError.usage("invalid price file (" + e.getMessage() + " above)");
    }
}
