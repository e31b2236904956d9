package dev.sigil.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;

import dev.sigil.cost.UsagePricer;
import dev.sigil.otlp.OtlpExport;
import dev.sigil.otlp.OtlpSettings;
import dev.sigil.otlp.TraceFolder;
import dev.sigil.otlp.export.SdkExport;
import dev.sigil.text.TerminalText;

/**
 * What the exporting commands share: the settings from a flag and the environment, the export opened through the
 * SDK (the only place the command line reaches it, so that no other command loads it), and the fold with its prices.
 */
final class OtlpRun {

    /** How often a live export sends its metrics. */
    static final Duration METRIC_INTERVAL = Duration.ofSeconds(30);

    private OtlpRun() {
    }

    static OtlpSettings settings(String endpoint, String flag, Environment env) {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        try {
            return OtlpSettings.of(endpoint, flag, env.variables(), version == null ? "development" : version);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
    }

    static OtlpExport open(OtlpSettings settings, Consumer<String> notes) {
        return SdkExport.open(settings, notes, METRIC_INTERVAL);
    }

    /** The fold of the lines into {@code export}, pricing calls with the command's prices (its --prices, docs/cost.md §4). */
    static TraceFolder folder(OtlpSettings settings, OtlpExport export, UsagePricer pricer) {
        Instant now = Instant.now();
        return new TraceFolder(settings.service(), export, pricer, ZoneId.systemDefault(), now.getEpochSecond() * 1_000_000_000L + now.getNano());
    }

    /** Notes on stderr, each one line behind the command's name. */
    static Consumer<String> notes(PrintWriter err, String command) {
        return note -> {
            synchronized (err) {
                err.println(TerminalText.visible(command + ": " + note));
                err.flush();
            }
        };
    }
}
