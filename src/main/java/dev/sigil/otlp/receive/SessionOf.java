package dev.sigil.otlp.receive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import dev.sigil.layout.SessionId;
import dev.sigil.otlp.GenAiNames;
import dev.sigil.otlp.SigilNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The session a resource's data is written to: the {@code sigil.session.id} sigil's own export gives its resources
 * (so a round trip writes the session it read), else {@code otlp-<service>-<12 hex digits of the resource's digest>}:
 * one session per resource, the same one for every request of that resource.
 */
final class SessionOf {

    private SessionOf() {
    }

    static String resource(ObjectNode resource) {
        JsonNode own = resource.get(SigilNames.SESSION);
        if (own != null && own.isString() && SessionId.isValid(own.stringValue())) {
            return own.stringValue();
        }
        String service = service(resource).replaceAll("[^A-Za-z0-9_-]", "-");
        if (service.length() > 40) {
            service = service.substring(0, 40);
        }
        return "otlp-" + service + "-" + digest(resource);
    }

    static String service(ObjectNode resource) {
        JsonNode s = resource.get(GenAiNames.SERVICE_NAME);
        return s != null && s.isString() && !s.stringValue().isEmpty() ? s.stringValue() : "unknown";
    }

    private static String digest(ObjectNode resource) {
        Map<String, String> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resource.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sorted.put(e.getKey(), e.getValue().toString());
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sorted.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
