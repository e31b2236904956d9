package dev.sigil.otlp;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where and how to send: the endpoint of each signal, headers, compression, timeout and the service's resource, from
 * the command's flag and the standard variables ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code _TRACES_ENDPOINT},
 * {@code _LOGS_ENDPOINT}, {@code _METRICS_ENDPOINT}, {@code _HEADERS}, {@code _PROTOCOL}, {@code _COMPRESSION},
 * {@code _TIMEOUT}, {@code OTEL_SERVICE_NAME}, {@code OTEL_RESOURCE_ATTRIBUTES}), as the OpenTelemetry SDK
 * configuration specification reads them. A flag wins over the variables. Pure.
 *
 * @param traces the URL spans are posted to
 * @param logs the URL log records are posted to
 * @param metrics the URL metrics are posted to
 * @param headers extra request headers (e.g. an API key)
 * @param gzip whether requests are gzip-compressed
 * @param timeout how long one request may take
 * @param service the resource attributes of everything sent (service.name first)
 * @param version sigil's version, for the instrumentation scope
 */
public record OtlpSettings(URI traces, URI logs, URI metrics, Map<String, String> headers, boolean gzip, Duration timeout,
                           Attrs service, String version) {

    public static final String DEFAULT_SERVICE = "sigil";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public OtlpSettings {
        headers = Map.copyOf(headers);
    }

    /**
     * The settings of a command given {@code endpoint} (its flag, or null) in environment {@code env}.
     *
     * @throws IllegalArgumentException naming the flag or variable at fault
     */
    public static OtlpSettings of(String endpoint, String flagName, Map<String, String> env, String version) {
        String protocol = env.getOrDefault("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf").strip();
        if (!protocol.equals("http/protobuf") && !protocol.isEmpty()) {
            throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_PROTOCOL=" + protocol + " is not supported: sigil sends http/protobuf"
                    + " (grpc would need OkHttp or grpc-java, and the Java exporter's JSON is not public; docs/otlp.md)");
        }
        String base = endpoint != null ? endpoint : env.get("OTEL_EXPORTER_OTLP_ENDPOINT");
        String baseName = endpoint != null ? flagName : "OTEL_EXPORTER_OTLP_ENDPOINT";
        URI traces = signal(base, baseName, endpoint == null ? env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") : null, "TRACES", "v1/traces", flagName);
        URI logs = signal(base, baseName, endpoint == null ? env.get("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT") : null, "LOGS", "v1/logs", flagName);
        URI metrics = signal(base, baseName, endpoint == null ? env.get("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT") : null, "METRICS", "v1/metrics", flagName);
        String compression = env.getOrDefault("OTEL_EXPORTER_OTLP_COMPRESSION", "none").strip().toLowerCase(Locale.ROOT);
        if (!compression.equals("none") && !compression.equals("gzip") && !compression.isEmpty()) {
            throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_COMPRESSION must be gzip or none, not '" + compression + "'");
        }
        return new OtlpSettings(traces, logs, metrics, headers(env.get("OTEL_EXPORTER_OTLP_HEADERS")), compression.equals("gzip"),
                timeout(env.get("OTEL_EXPORTER_OTLP_TIMEOUT")), service(env), version);
    }

    /** The endpoint the user named (for messages): the traces URL without its path's signal. */
    public String shownEndpoint() {
        String t = traces.toString();
        return t.endsWith("/v1/traces") ? t.substring(0, t.length() - "/v1/traces".length()) : t;
    }

    private static URI signal(String base, String baseName, String own, String signal, String path, String flagName) {
        if (own != null && !own.isBlank()) {
            return url(own.strip(), "OTEL_EXPORTER_OTLP_" + signal + "_ENDPOINT");
        }
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException("give " + flagName + " URL (e.g. http://127.0.0.1:4318) or set OTEL_EXPORTER_OTLP_ENDPOINT");
        }
        String b = base.strip();
        return url(b.endsWith("/") ? b + path : b + "/" + path, baseName);
    }

    private static URI url(String text, String name) {
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                throw new IllegalArgumentException(name + ": '" + text + "' is not an http:// or https:// URL with a host");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not a URL (" + e.getReason() + ")");
        }
    }

    /** {@code key=value} pairs separated by commas, values percent-decoded (the W3C baggage octets). */
    static Map<String, String> pairs(String text, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(name + ": '" + pair.strip() + "' is not key=value");
            }
            String key = pair.substring(0, eq).strip();
            out.put(key, URLDecoder.decode(pair.substring(eq + 1).strip(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Map<String, String> headers(String text) {
        return pairs(text, "OTEL_EXPORTER_OTLP_HEADERS");
    }

    private static Duration timeout(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            long ms = Long.parseLong(text.strip());
            if (ms > 0) {
                return Duration.ofMillis(ms);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_TIMEOUT must be a whole number of milliseconds above 0, not '" + text + "'");
    }

    /** service.name from OTEL_SERVICE_NAME (else OTEL_RESOURCE_ATTRIBUTES', else sigil), then the other resource attributes. */
    private static Attrs service(Map<String, String> env) {
        Map<String, String> resource = pairs(env.get("OTEL_RESOURCE_ATTRIBUTES"), "OTEL_RESOURCE_ATTRIBUTES");
        String name = env.get("OTEL_SERVICE_NAME");
        if (name == null || name.isBlank()) {
            name = resource.getOrDefault(GenAiNames.SERVICE_NAME, DEFAULT_SERVICE);
        }
        Attrs.Builder b = Attrs.builder().text(GenAiNames.SERVICE_NAME, name.strip());
        resource.forEach((k, v) -> {
            if (!k.equals(GenAiNames.SERVICE_NAME)) {
                b.text(k, v);
            }
        });
        return b.build();
    }
}
