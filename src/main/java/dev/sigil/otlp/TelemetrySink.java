package dev.sigil.otlp;

/**
 * Where the fold of a log sends what it makes: the SDK's exporters (dev.sigil.otlp.export), or a list in a test.
 * Called on one thread at a time, in the order of the log.
 */
public interface TelemetrySink {

    void span(SpanOut span);

    void log(LogOut log);

    void call(ModelCall call);
}
