package dev.sigil.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.Function;

import dev.sigil.monitor.DashboardMonitor;
import dev.sigil.monitor.LogTarget;
import dev.sigil.monitor.MonitorOptions;
import dev.sigil.monitor.StreamMonitor;
import dev.sigil.remote.RemoteUrl;
import dev.sigil.remote.follow.ClientTls;
import dev.sigil.remote.follow.RemoteSessions;
import dev.sigil.spend.Prices;
import dev.sigil.text.TerminalText;

/**
 * {@code sigil monitor ws://HOST:PORT/sessions/ID} (or {@code ws://HOST:PORT}, the picker first): the monitor's own
 * dashboard, stream and minimal modes on a copy of the remote session that {@link RemoteSessions} keeps up to date
 * (docs/remote.md). Loaded only on that path, with the remote client.
 */
final class MonitorRemote {

    /**
     * How long a first connection that neither fails nor is answered (a server that accepted it and says nothing) may
     * take before the monitor starts anyway; one that fails opens the monitor at once, saying it reconnects.
     */
    private static final long FIRST_ANSWER_MILLIS = 10_000;

    private MonitorRemote() {
    }

    /** {@code --ca}'s trust, or the JDK's. */
    static ClientTls tls(RemoteOptions remote) {
        try {
            return remote.ca == null ? ClientTls.NONE : ClientTls.trusting(remote.ca);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
    }

    /**
     * Runs the monitor on the remote session of {@code text}.
     *
     * @param defaultPort the port of an address that names none ({@code cli.monitor.port})
     * @param options the command's options for a target
     */
    static int run(String text, int defaultPort, RemoteOptions remote, Environment env, boolean follow,
                   Function<LogTarget, MonitorOptions> options, Prices prices, OutputStream out, PrintWriter err) throws Exception {
        RemoteUrl url;
        try {
            url = RemoteUrl.parseAny(text).withDefaultPort(defaultPort);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        ClientTls tls = tls(remote);
        try (RemoteSessions sessions = new RemoteSessions(url, tls, remote.token(env), follow)) {
            if (url.session() == null) {
                MonitorOptions o = options.apply(sessions.none());
                if (o.mode() != MonitorOptions.Mode.DASHBOARD) {
                    throw UserError.usage(url + ": name a session, ws://HOST:PORT/sessions/ID (the dashboard's picker lists them)");
                }
                new DashboardMonitor(o, sessions, Clock.systemDefaultZone(), prices).pickingFirst().run(out);
                return ExitCode.OK;
            }
            LogTarget target = sessions.open(url.session().value());
            String refused = follow ? sessions.awaitFirst(FIRST_ANSWER_MILLIS) : sessions.awaitEnd();
            if (refused != null) {
                throw UserError.usage(url + ": refused: " + refused);
            }
            MonitorOptions o = options.apply(target);
            if (o.mode() == MonitorOptions.Mode.DASHBOARD) {
                new DashboardMonitor(o, sessions, Clock.systemDefaultZone(), prices).run(out);
                return ExitCode.OK;
            }
            sessions.notices(note -> {
                err.println("sigil monitor: " + TerminalText.visible(url + ": " + note));
                err.flush();
            });
            return new StreamMonitor(o, out, err, Clock.systemDefaultZone(), prices).run() ? ExitCode.FINDINGS : ExitCode.OK;
        } catch (IOException e) {
            throw UserError.usage("cannot keep a copy of the remote session: " + e.getMessage());
        }
    }
}
