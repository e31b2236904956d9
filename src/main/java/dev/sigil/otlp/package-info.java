/**
 * OpenTelemetry out of a sigil log, as pure logic (docs/otlp.md, ADR 0130): the attribute names (defined here once,
 * citing the GenAI convention's version), deterministic trace and span ids, and the fold of a session's lines into
 * spans, log records and model calls ({@link dev.sigil.otlp.TraceFolder}); no SDK, no network, no files. The SDK that
 * sends them lives in {@code dev.sigil.otlp.export}, loaded only by the commands that export.
 */
package dev.sigil.otlp;
