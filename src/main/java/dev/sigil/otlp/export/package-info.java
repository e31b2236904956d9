/**
 * Sending what the fold makes with the opentelemetry-java SDK (ADR 0130): sigil's spans and records as the SDK's
 * data types, its OTLP/HTTP exporters over the JDK's HTTP client, the client metrics through the SDK's meter, and the
 * outbox that batches, never blocks its callers, retries with back-off and counts what it could not send. The only
 * package of the export that imports {@code io.opentelemetry}; the JVM loads it only when a command exports.
 */
package dev.sigil.otlp.export;
