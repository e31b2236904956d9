package dev.sigil.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --token} and {@code --ca}, for every command that follows a remote session ({@code tail}, {@code monitor};
 * docs/remote.md). Names no class of the remote client, so that a command that stays local does not load it.
 */
class RemoteOptions {

    @Option(names = "--token", paramLabel = "TOKEN", description = "For a remote session: the server's token (default: SIGIL_SERVE_TOKEN, if set).")
    String token;

    @Option(names = "--ca", paramLabel = "FILE",
            description = "For a wss:// session: trust only the certificates of this PEM file (a server's self-signed one); default: the JDK's authorities.")
    Path ca;

    /** The token to send, or null. */
    String token(Environment env) {
        String t = token != null ? token : env.get("SIGIL_SERVE_TOKEN");
        return t == null || t.isEmpty() ? null : t;
    }
}
