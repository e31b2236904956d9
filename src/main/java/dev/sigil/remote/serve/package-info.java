/**
 * {@code sigil serve}'s monitoring stream (docs/remote.md, ADR 0140): one Jetty server on one port with seed 002's
 * stream ({@code /monitoring/v1/logs/stream}), a session's exact log bytes from an offset on
 * ({@code /sessions/ID?from=N}, followed live by the tailer's raw mode), the sessions list, and a read-only HTTP
 * surface beside them. Every send is bounded per client ({@link dev.sigil.remote.serve.SendWindow}); ids go through
 * the layout's one rule and no file outside the log root is ever read.
 */
package dev.sigil.remote.serve;
