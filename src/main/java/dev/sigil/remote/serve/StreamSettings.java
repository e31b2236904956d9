package dev.sigil.remote.serve;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

import dev.sigil.layout.LogLayout;

/**
 * How {@code sigil serve} serves the monitoring stream.
 *
 * @param address where to listen (port 0: any free one)
 * @param layout the log root; nothing outside it is ever read
 * @param token required on every request and upgrade, or null for none
 * @param windowBytes the bound of what one client may have been sent and not taken ({@link SendWindow})
 * @param stall how long a client with a full window may take nothing before it is closed with its offset
 * @param poll how often a follower looks for new bytes
 * @param heartbeat how often a log stream says where it stands
 * @param maxLineBytes the longest line sent; longer ones are skipped and said so
 * @param tlsCert the server's certificate chain (PEM) for TLS ({@code wss://}, {@code https://}), or null for none
 * @param tlsKey its private key (PEM, PKCS #8), with {@code tlsCert}
 * @param seedHeartbeat how often seed 002's stream sends its heartbeat until the client's {@code config} message says
 *        otherwise ({@code logging.stream.heartbeat_interval_ms})
 */
public record StreamSettings(InetSocketAddress address, LogLayout layout, String token, long windowBytes, Duration stall,
                             Duration poll, Duration heartbeat, int maxLineBytes, Path tlsCert, Path tlsKey, Duration seedHeartbeat) {

    public static final long DEFAULT_WINDOW_BYTES = 1L << 20;
    public static final int DEFAULT_MAX_LINE_BYTES = 16 << 20;

    public static StreamSettings of(InetSocketAddress address, LogLayout layout, String token) {
        return new StreamSettings(address, layout, token, DEFAULT_WINDOW_BYTES, Duration.ofSeconds(30), Duration.ofMillis(100),
                Duration.ofSeconds(1), DEFAULT_MAX_LINE_BYTES, null, null,
                Duration.ofSeconds(5));
    }

    public StreamSettings withWindow(long bytes, Duration stallTime) {
        return new StreamSettings(address, layout, token, bytes, stallTime, poll, heartbeat, maxLineBytes, tlsCert, tlsKey, seedHeartbeat);
    }

    public StreamSettings withPoll(Duration interval) {
        return new StreamSettings(address, layout, token, windowBytes, stall, interval, heartbeat, maxLineBytes, tlsCert, tlsKey, seedHeartbeat);
    }

    /** How often seed 002's stream sends its heartbeat before the client asks ({@code logging.stream.heartbeat_interval_ms}). */
    public StreamSettings withSeedHeartbeat(Duration interval) {
        return new StreamSettings(address, layout, token, windowBytes, stall, poll, heartbeat, maxLineBytes, tlsCert, tlsKey, interval);
    }

    /** Listens on another address (the same port after a restart, in tests). */
    public StreamSettings withAddress(InetSocketAddress at) {
        return new StreamSettings(at, layout, token, windowBytes, stall, poll, heartbeat, maxLineBytes, tlsCert, tlsKey, seedHeartbeat);
    }

    /** Serves over TLS with the PEM files {@code cert} (the chain, the server's first) and {@code key}. */
    public StreamSettings withTls(Path cert, Path key) {
        return new StreamSettings(address, layout, token, windowBytes, stall, poll, heartbeat, maxLineBytes, cert, key, seedHeartbeat);
    }
}
