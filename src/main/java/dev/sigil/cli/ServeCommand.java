package dev.sigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;

import dev.sigil.log.LoggerSettings;
import dev.sigil.log.Reporter;
import dev.sigil.otlp.receive.OtlpReceiver;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sigil serve}: a server on this machine, in one of its modes (ADR 0131). {@code --otlp} is the OTLP/HTTP
 * receiver; the monitoring stream (seed 002's WebSocket, issue 16) is to be the default mode, added beside it: the
 * shared options (bind, port, token, insecure, the log root) are the command's, each mode a small service of its own.
 */
@Command(name = "serve",
        description = {
            "Serve on this machine; --otlp receives OpenTelemetry into sessions.",
            "",
            "--otlp: OTLP/HTTP (/v1/traces and /v1/logs, protobuf or JSON) from instrumented",
            "agents; each resource's",
            "spans and log records as a sigil session, through the same logger as",
            "orchestrate, so monitor, tail, validate and prices read them. Binds to",
            "127.0.0.1 unless told otherwise; any other address needs --token or --insecure.",
            "Stops with Ctrl-C, after the requests under way, and prints what it received."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"2:bad arguments, or the address cannot be bound", "130:stopped by Ctrl-C"})
final class ServeCommand implements Callable<Integer> {

    /** The modes of the command; the monitoring stream will be the default one. */
    enum Mode {
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

    @Option(names = "--port", paramLabel = "N", description = "The port (default: 4318 with --otlp; 0 picks a free one).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Require 'Authorization: Bearer TOKEN' on every request (default: SIGIL_SERVE_TOKEN, if set).")
    String token;

    @Option(names = "--insecure", description = "Allow an address other than loopback without a token.")
    boolean insecure;

    @Option(names = "--max-body", paramLabel = "BYTES", description = "Largest request body, compressed or not (default: ${DEFAULT-VALUE}).")
    int maxBody = OtlpReceiver.DEFAULT_MAX_BODY;

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
        InetSocketAddress address = address(port != null ? port : mode.defaultPort, secret != null);
        LogOptions.Logs found = logs.logs(env);
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
        if (!otlp) {
            throw UserError.usage("choose what to serve: --otlp (an OTLP/HTTP receiver); the monitoring stream is not there yet");
        }
        return Mode.OTLP;
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
