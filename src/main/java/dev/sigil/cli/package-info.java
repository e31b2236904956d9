/**
 * The command line: one thin picocli command per subcommand that reads options, calls one service and prints
 * through picocli's writers; the root owns the error policy and the exit codes.
 */
package dev.sigil.cli;
