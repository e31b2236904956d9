package dev.sigil.otlp.export;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.Body;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;

/** One line of the log as the SDK's log record exporter takes it. Immutable. */
record SigilLogData(Resource resource, InstrumentationScopeInfo scope, long timestampEpochNanos, SpanContext spanContext,
                    Severity severity, String severityText, String body, Attributes attributes) implements LogRecordData {

    @Override public Resource getResource() { return resource; }
    @Override public InstrumentationScopeInfo getInstrumentationScopeInfo() { return scope; }
    @Override public long getTimestampEpochNanos() { return timestampEpochNanos; }
    /** The line's own time: sigil reads lines long after they were written, and two exports must send the same. */
    @Override public long getObservedTimestampEpochNanos() { return timestampEpochNanos; }
    @Override public SpanContext getSpanContext() { return spanContext; }
    @Override public Severity getSeverity() { return severity; }
    @Override public String getSeverityText() { return severityText; }
    @Override public Value<?> getBodyValue() { return Value.of(body); }
    @Override public Attributes getAttributes() { return attributes; }
    @Override public int getTotalAttributeCount() { return attributes.size(); }

    @Override
    @SuppressWarnings("deprecation") // the interface still requires the old body type; the exporter reads getBodyValue
    public Body getBody() {
        return Body.string(body);
    }

    static Severity severity(int number) {
        for (Severity s : Severity.values()) {
            if (s.getSeverityNumber() == number) {
                return s;
            }
        }
        return Severity.UNDEFINED_SEVERITY_NUMBER;
    }
}
