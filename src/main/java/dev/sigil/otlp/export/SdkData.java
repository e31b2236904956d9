package dev.sigil.otlp.export;

import java.util.HashMap;
import java.util.Map;

import dev.sigil.otlp.Attrs;
import dev.sigil.otlp.GenAiNames;
import dev.sigil.otlp.SigilNames;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;

/**
 * sigil's attribute values as the SDK's: {@link Attrs} as {@link Attributes}, resources (one per session, kept so
 * that the exporter groups a batch by them), span contexts of the derived ids, and the one instrumentation scope.
 * Not thread-safe: used by the thread that feeds the export.
 */
final class SdkData {

    /** Resources remembered (one per session); past it they are built again, equal but not cached. */
    private static final int RESOURCES = 1024;

    private final InstrumentationScopeInfo scope;
    private final Map<Attrs, Resource> resources = new HashMap<>();

    SdkData(String version) {
        this.scope = InstrumentationScopeInfo.builder(SigilNames.SCOPE).setVersion(version).setSchemaUrl(GenAiNames.SCHEMA_URL).build();
    }

    InstrumentationScopeInfo scope() {
        return scope;
    }

    Resource resource(Attrs attrs) {
        Resource r = resources.get(attrs);
        if (r == null) {
            r = Resource.getDefault().merge(Resource.create(attributes(attrs)));
            if (resources.size() < RESOURCES) {
                resources.put(attrs, r);
            }
        }
        return r;
    }

    static Attributes attributes(Attrs attrs) {
        AttributesBuilder b = Attributes.builder();
        attrs.values().forEach((k, v) -> {
            if (v instanceof String s) {
                b.put(k, s);
            } else if (v instanceof Long l) {
                b.put(k, l);
            } else if (v instanceof Double d) {
                b.put(k, d);
            } else if (v instanceof Boolean f) {
                b.put(k, f);
            }
        });
        return b.build();
    }

    static SpanContext context(String traceId, String spanId) {
        return spanId.isEmpty() ? SpanContext.getInvalid() : SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());
    }

    /** Roughly the bytes an item takes in a request: its texts and a fixed part per attribute. */
    static int weight(Attrs attrs, String... texts) {
        long w = 64;
        for (String t : texts) {
            w += t.length();
        }
        for (Map.Entry<String, Object> e : attrs.values().entrySet()) {
            w += e.getKey().length() + 8 + (e.getValue() instanceof String s ? s.length() : 8);
        }
        return (int) Math.min(Integer.MAX_VALUE, w);
    }
}
