package dev.sigil.config;

import java.time.Duration;

/**
 * Seed 002's monitoring stream settings: its {@code logging.stream} section (what {@code sigil serve} serves) and its
 * {@code cli.monitor} section (what the commands do by default), docs/remote.md and ADR 0142.
 *
 * @param enabled {@code logging.stream.enabled}: whether {@code sigil serve} serves the monitoring stream
 * @param port {@code logging.stream.port}, {@code SIGIL_MONITOR_PORT}: the port it listens on without {@code --port}
 * @param heartbeat {@code logging.stream.heartbeat_interval_ms}: how often seed 002's stream sends its heartbeat until
 *        the client's {@code config} message asks otherwise
 * @param monitorByDefault {@code cli.monitor.enabled}: {@code sigil orchestrate} shows the dashboard without
 *        {@code --monitor} (on a terminal)
 * @param clientPort {@code cli.monitor.port}: the port of a {@code ws://HOST} address that names none
 */
public record StreamConfig(boolean enabled, int port, Duration heartbeat, boolean monitorByDefault, int clientPort) {

    /** The defaults, held once: the key table writes them. */
    public static final StreamConfig DEFAULTS = new StreamConfig(true, 8000, Duration.ofSeconds(5), false, 8000);
}
