/**
 * {@code sigil query}: SQL over logs. Every line of the logs given, read through the readers' decoder (any built-in
 * format, both dialects) and counted and priced by the {@code Ledger}, becomes a row of one table, {@code events}
 * ({@link EventColumns}), in an embedded H2 database that lives for one query (ADR 0155); the result is printed
 * as a table, CSV or JSON by pure formatters. Loaded only by {@code sigil query}.
 */
package dev.sigil.query;
