/**
 * {@code sigil serve --otlp}: an OTLP/HTTP receiver ({@code /v1/logs}, {@code /v1/traces}, protobuf and JSON) that
 * writes each resource's spans and log records as a contract-valid sigil session through the execution logger
 * (docs/otlp.md, ADR 0131). A request is decoded whole ({@link dev.sigil.otlp.receive.ProtoDecoder} with the
 * protocol's generated classes, {@link dev.sigil.otlp.receive.JsonDecoder} with the codec's reader), mapped
 * ({@link dev.sigil.otlp.receive.EntryMapper}, pure) and checked before anything is written: a malformed one is
 * answered with OTLP's error status and counted, never written in part.
 */
package dev.sigil.otlp.receive;
