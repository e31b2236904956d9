/**
 * Running a server in the foreground until Ctrl-C or SIGTERM, then stopping it once and saying what it did: the one
 * home of that logic for {@code sigil serve}'s modes (the monitoring stream, the OTLP receiver). No server library.
 */
package dev.sigil.serving;
