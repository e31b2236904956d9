/**
 * Following a session on another machine ({@code sigil tail ws://HOST:PORT/sessions/ID}, docs/remote.md): the JDK's
 * WebSocket client (no library), whole lines with their offsets, and a reconnection with back-off from the last
 * offset received, so that no line is lost or received twice.
 */
package dev.sigil.remote.follow;
