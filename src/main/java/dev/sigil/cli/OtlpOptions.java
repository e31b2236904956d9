package dev.sigil.cli;

import picocli.CommandLine.Option;

/**
 * {@code --otlp URL} and {@code --otlp-wait S}, for the commands that can export what they follow as it is written
 * (orchestrate, monitor, tail; docs/otlp.md). Fields only, of plain types: picocli reflects on a mixin for every run
 * of its commands, and nothing here may load the export (ADR 0130); {@link LiveExport} starts it.
 */
class OtlpOptions {

    @Option(names = "--otlp", paramLabel = "URL",
            description = "Also export the log as it is written, to the OpenTelemetry collector at URL (OTLP/HTTP, e.g. http://127.0.0.1:4318; "
                    + "OTEL_EXPORTER_OTLP_* and OTEL_SERVICE_NAME are honoured; docs/otlp.md).")
    String otlp;

    @Option(names = "--otlp-wait", paramLabel = "S",
            description = "At the end, wait at most S seconds for a collector that is away (default: ${DEFAULT-VALUE}).")
    int otlpWait = 10;

    /** Whether a live export was asked for: callers test this before naming {@link LiveExport}, so that it is not loaded. */
    boolean enabled() {
        return otlp != null;
    }
}
