package dev.sigil.otlp.export;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.sigil.otlp.ExportCounts;
import dev.sigil.otlp.LogOut;
import dev.sigil.otlp.ModelCall;
import dev.sigil.otlp.OtlpExport;
import dev.sigil.otlp.OtlpSettings;
import dev.sigil.otlp.SigilNames;
import dev.sigil.otlp.SpanOut;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.data.StatusData;

/**
 * An export through the SDK's OTLP/HTTP exporters (protobuf, the JDK's HTTP client): spans and records through the
 * {@link Outbox} (the exporters' own retry is off, the outbox retries for as long as the export is open), the
 * metrics through the SDK's meter and periodic reader. The SDK's own log messages (java.util.logging) are silenced:
 * the outbox says, once, what went wrong, in sigil's words.
 */
public final class SdkExport implements OtlpExport {

    /**
     * Most bytes of spans and records kept for a collector that is away, before new ones are dropped and counted; less
     * in a small heap ({@link #queueBytes}).
     */
    public static final long DEFAULT_QUEUE_BYTES = 64L << 20;

    private final Logger sdkLogger;
    private final SdkData data;
    private final OtlpHttpSpanExporter spans;
    private final OtlpHttpLogRecordExporter logs;
    private final SdkMeterProvider meters;
    private final ModelMetrics metrics;
    private final Outbox outbox;
    private final Thread sender;
    private ExportCounts closed;

    private SdkExport(OtlpSettings settings, Consumer<String> reporter, Duration metricInterval, long queueBytes) {
        sdkLogger = Logger.getLogger("io.opentelemetry");
        sdkLogger.setLevel(Level.OFF);
        data = new SdkData(settings.version());
        spans = spanExporter(settings).build();
        logs = logExporter(settings).build();
        OtlpHttpMetricExporter metricExporter = metricExporter(settings).build();
        meters = SdkMeterProvider.builder().setResource(data.resource(settings.service()))
                .registerMetricReader(PeriodicMetricReader.builder(metricExporter).setInterval(metricInterval).build()).build();
        metrics = new ModelMetrics(meters.get(SigilNames.SCOPE));
        outbox = new Outbox(spans::export, logs::export, queueBytes, settings.timeout().toMillis(), settings.shownEndpoint(), reporter);
        sender = new Thread(outbox, "sigil-otlp-sender");
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * Opens an export.
     *
     * @param reporter where the one-line notices go (the collector away, back, the queue full)
     * @param metricInterval how often the metrics are sent while the export is open (they are sent at close too)
     */
    public static OtlpExport open(OtlpSettings settings, Consumer<String> reporter, Duration metricInterval) {
        return new SdkExport(settings, reporter, metricInterval, queueBytes(Runtime.getRuntime().maxMemory()));
    }

    /**
     * The queue's bound in a heap of {@code maxHeap} bytes: an eighth of it (a queued text may take two bytes a
     * character, and a batch being sent is encoded beside it), at least 4 MiB, at most {@link #DEFAULT_QUEUE_BYTES}.
     * The readers run with a 64 MB heap (ADR 0065), where this gives 8 MiB.
     */
    static long queueBytes(long maxHeap) {
        return Math.max(4L << 20, Math.min(DEFAULT_QUEUE_BYTES, maxHeap / 8));
    }

    @Override
    public void span(SpanOut s) {
        SigilSpanData d = new SigilSpanData(s.name(), s.client() ? SpanKind.CLIENT : SpanKind.INTERNAL, SdkData.context(s.traceId(), s.spanId()),
                SdkData.context(s.traceId(), s.parentSpanId()), s.error() ? StatusData.create(io.opentelemetry.api.trace.StatusCode.ERROR,
                s.statusMessage()) : StatusData.unset(), s.startNanos(), s.endNanos(), SdkData.attributes(s.attributes()), data.scope(),
                data.resource(s.resource()));
        outbox.offer(new Outbox.Item(d, null, SdkData.weight(s.attributes(), s.name(), s.statusMessage())));
    }

    @Override
    public void log(LogOut l) {
        SigilLogData d = new SigilLogData(data.resource(l.resource()), data.scope(), l.timeNanos(), SdkData.context(l.traceId(), l.spanId()),
                SigilLogData.severity(l.severityNumber()), l.severityText(), l.body(), SdkData.attributes(l.attributes()));
        outbox.offer(new Outbox.Item(null, d, SdkData.weight(l.attributes(), l.body())));
    }

    @Override
    public void call(ModelCall call) {
        metrics.record(call);
    }

    @Override
    public ExportCounts counts() {
        return closed != null ? closed : outbox.counts();
    }

    @Override
    public synchronized ExportCounts close(Duration deadline) {
        if (closed != null) {
            return closed;
        }
        long end = System.nanoTime() + deadline.toNanos();
        outbox.shut(end);
        try {
            sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()) + 2000));
            if (sender.isAlive()) {
                sender.interrupt();
                sender.join(2000);
            }
        } catch (InterruptedException e) {
            sender.interrupt();
            Thread.currentThread().interrupt();
        }
        outbox.dropLeftovers();
        meters.shutdown().join(Math.max(0, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())) + 1000, TimeUnit.MILLISECONDS);
        spans.shutdown();
        logs.shutdown();
        closed = outbox.counts();
        return closed;
    }

    private static OtlpHttpSpanExporterBuilder spanExporter(OtlpSettings s) {
        OtlpHttpSpanExporterBuilder b = OtlpHttpSpanExporter.builder().setEndpoint(s.traces().toString()).setTimeout(s.timeout())
                .setConnectTimeout(s.timeout()).setRetryPolicy(null).setCompression(s.gzip() ? "gzip" : "none");
        s.headers().forEach(b::addHeader);
        return b;
    }

    private static OtlpHttpLogRecordExporterBuilder logExporter(OtlpSettings s) {
        OtlpHttpLogRecordExporterBuilder b = OtlpHttpLogRecordExporter.builder().setEndpoint(s.logs().toString()).setTimeout(s.timeout())
                .setConnectTimeout(s.timeout()).setRetryPolicy(null).setCompression(s.gzip() ? "gzip" : "none");
        s.headers().forEach(b::addHeader);
        return b;
    }

    private static OtlpHttpMetricExporterBuilder metricExporter(OtlpSettings s) {
        // No retry here either: the metrics are cumulative, so the next export makes good one that failed.
        OtlpHttpMetricExporterBuilder b = OtlpHttpMetricExporter.builder().setEndpoint(s.metrics().toString()).setTimeout(s.timeout())
                .setConnectTimeout(s.timeout()).setRetryPolicy(null).setCompression(s.gzip() ? "gzip" : "none");
        s.headers().forEach(b::addHeader);
        return b;
    }
}
