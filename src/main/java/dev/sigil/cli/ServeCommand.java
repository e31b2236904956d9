package dev.sigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;

import dev.sigil.config.ConfigKeys;
import dev.sigil.config.StreamConfig;
import dev.sigil.log.LoggerSettings;
import dev.sigil.log.Reporter;
import dev.sigil.otlp.receive.OtlpReceiver;
import dev.sigil.remote.serve.StreamServer;
import dev.sigil.remote.serve.StreamSettings;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sigil serve}: a server on this machine, in one of its modes (ADR 0131, 0140). The default is the monitoring
 * stream (seed 002's WebSocket, docs/remote.md); {@code --otlp} is the OTLP/HTTP receiver. The shared options (bind,
 * port, token, insecure, the log root) are the command's, each mode a small service of its own.
 */
@Command(name = "serve",
        description = {
            "Serve this machine's sessions to monitors elsewhere; --otlp receives OpenTelemetry.",
            "",
            "By default, the monitoring stream (docs/remote.md): seed 002's WebSocket at",
            "/monitoring/v1/logs/stream, a session's log bytes from an offset on at",
            "/sessions/ID?from=OFFSET (what sigil tail ws://HOST:PORT/sessions/ID follows),",
            "and GET /sessions, /sessions/ID/log?from=OFFSET and /health.",
            "",
            "--otlp: OTLP/HTTP (/v1/traces and /v1/logs, protobuf or JSON) from instrumented",
            "agents; each resource's spans and log records as a sigil session, through the",
            "same logger as orchestrate, so monitor, tail, validate and prices read them.",
            "Binds to 127.0.0.1 unless told otherwise; any other address needs --token or",
            "--insecure.",
            "Stops with Ctrl-C (after the OTLP requests under way) and prints what it did."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"2:bad arguments, or the address cannot be bound", "130:stopped by Ctrl-C"})
final class ServeCommand implements Callable<Integer> {

    /** The modes of the command; the monitoring stream is the default one. */
    enum Mode {
        STREAM(8000),
        OTLP(4318);

        final int defaultPort;

        Mode(int defaultPort) {
            this.defaultPort = defaultPort;
        }
    }

    @ParentCommand
    SigilCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions logs;

    @Option(names = "--otlp", description = "Receive OTLP/HTTP (docs/otlp.md).")
    boolean otlp;

    @Option(names = "--port", paramLabel = "N", description = "The port (default: logging.stream.port or SIGIL_MONITOR_PORT, 8000, for the stream; 4318 with --otlp; 0 picks a free one).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Require 'Authorization: Bearer TOKEN' on every request (the stream takes ?token=TOKEN too; default: SIGIL_SERVE_TOKEN, if set).")
    String token;

    @Option(names = "--insecure", description = "Allow an address other than loopback without a token.")
    boolean insecure;

    @Option(names = "--max-body", paramLabel = "BYTES", description = "Largest request body, compressed or not (default: ${DEFAULT-VALUE}).")
    int maxBody = OtlpReceiver.DEFAULT_MAX_BODY;

    @Option(names = "--window", paramLabel = "BYTES",
            description = "The stream: what one client may have been sent and not yet read (default: ${DEFAULT-VALUE}); a client that reads nothing for --stall-seconds with a full window is closed with its offset.")
    long window = StreamSettings.DEFAULT_WINDOW_BYTES;

    @Option(names = "--stall-seconds", paramLabel = "N",
            description = "The stream: how long a client with a full window may read nothing before it is closed (default: ${DEFAULT-VALUE}).")
    int stallSeconds = 30;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "The stream over TLS (wss://, https://): the server's certificate chain, PEM; with --tls-key.")
    java.nio.file.Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The private key of --tls-cert: PEM, unencrypted PKCS #8 (BEGIN PRIVATE KEY).")
    java.nio.file.Path tlsKey;

    @Override
    public Integer call() throws IOException {
        Mode mode = mode();
        Environment env = root.environment();
        String secret = token != null ? token : env.get("SIGIL_SERVE_TOKEN");
        if (secret != null && secret.isEmpty()) {
            throw UserError.usage("--token must not be empty");
        }
        if (maxBody < 1024) {
            throw UserError.usage("--max-body must be at least 1024 bytes");
        }
        if (window < 64 << 10) {
            throw UserError.usage("--window must be at least 65536 bytes");
        }
        if (stallSeconds < 1) {
            throw UserError.usage("--stall-seconds must be at least 1");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw UserError.usage("give --tls-cert and --tls-key together");
        }
        if (tlsCert != null && mode == Mode.OTLP) {
            throw UserError.usage("--tls-cert and --tls-key are for the monitoring stream, not --otlp");
        }
        for (java.nio.file.Path f : tlsCert == null ? java.util.List.<java.nio.file.Path>of() : java.util.List.of(tlsCert, tlsKey)) {
            if (!java.nio.file.Files.isRegularFile(f) || !java.nio.file.Files.isReadable(f)) {
                throw UserError.usage((f == tlsCert ? "--tls-cert " : "--tls-key ") + f + ": not a readable file");
            }
        }
        LogOptions.Logs found = logs.logs(env);
        StreamConfig streamConfig = found.loaded().config().stream();
        InetSocketAddress address = address(port != null ? port : mode == Mode.STREAM ? streamConfig.port() : mode.defaultPort, secret != null);
        if (mode == Mode.STREAM) {
            if (!streamConfig.enabled()) {
                throw UserError.usage("the configuration turns the monitoring stream off (logging.stream.enabled: false, "
                        + found.loaded().settings().get(ConfigKeys.STREAM_ENABLED.name()).origin() + ")");
            }
            return stream(address, found, secret, streamConfig);
        }
        LoggerSettings settings = LoggerSettingsFromConfig.of(found.loaded().config().logging());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Reporter reporter = message -> OtlpRun.notes(err, spec.qualifiedName()).accept(message);
        String shown = found.layout().sessions().toString();
        try {
            OtlpReceiver.serve(address, settings, reporter, secret, maxBody, p -> {
                out.println(TerminalText.visible("sigil serve: receiving OTLP/HTTP on http://" + bind + ":" + p
                        + " (/v1/traces, /v1/logs), writing sessions under " + shown));
                out.flush();
            }, counts -> {
                err.println(spec.qualifiedName() + ": received " + counts);
                err.flush();
            });
        } catch (IOException e) {
            throw UserError.usage("cannot listen on " + bind + ":" + address.getPort() + ": " + e.getMessage());
        }
        return ExitCode.INTERRUPTED;
    }

    private Mode mode() {
        return otlp ? Mode.OTLP : Mode.STREAM;
    }

    /** The monitoring stream until Ctrl-C (docs/remote.md). */
    private int stream(InetSocketAddress address, LogOptions.Logs found, String secret, StreamConfig config) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StreamSettings settings = StreamSettings.of(address, found.layout(), secret).withWindow(window, java.time.Duration.ofSeconds(stallSeconds))
                .withSeedHeartbeat(config.heartbeat());
        if (tlsCert != null) {
            settings = settings.withTls(tlsCert, tlsKey);
        }
        String shown = found.layout().sessions().toString();
        String scheme = tlsCert != null ? "wss://" : "ws://";
        try {
            StreamServer.serve(settings, p -> {
                out.println(TerminalText.visible("sigil serve: the monitoring stream on " + scheme + bind + ":" + p
                        + " (/monitoring/v1/logs/stream, /sessions/ID), sessions under " + shown));
                out.flush();
            }, counts -> {
                err.println(spec.qualifiedName() + ": served " + counts);
                err.flush();
            });
        } catch (IOException e) {
            throw UserError.usage(StreamServer.isTlsProblem(e) ? e.getMessage()
                    : "cannot listen on " + bind + ":" + address.getPort() + ": " + e.getMessage());
        }
        return ExitCode.INTERRUPTED;
    }

    private InetSocketAddress address(int p, boolean withToken) {
        if (p < 0 || p > 65535) {
            throw UserError.usage("--port must be 0 to 65535, not " + p);
        }
        InetAddress a;
        try {
            a = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw UserError.usage("--bind " + bind + ": not an address of this machine");
        }
        if (!a.isLoopbackAddress() && !withToken && !insecure) {
            throw UserError.usage("--bind " + bind + " is reachable from other machines: give --token (or SIGIL_SERVE_TOKEN), or --insecure");
        }
        return new InetSocketAddress(a, p);
    }
}
