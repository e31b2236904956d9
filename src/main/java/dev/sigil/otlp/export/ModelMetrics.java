package dev.sigil.otlp.export;

import dev.sigil.otlp.GenAiNames;
import dev.sigil.otlp.ModelCall;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;

/**
 * The GenAI client metrics of the model calls: {@code gen_ai.client.token.usage} (tokens by type) and
 * {@code gen_ai.client.operation.duration} (seconds), with the buckets the conventions advise. Recorded through the
 * SDK's meter, so that the SDK aggregates them and its reader sends them (cumulative: an export that fails is made
 * good by the next one).
 */
final class ModelMetrics {

    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey(GenAiNames.OPERATION_NAME);
    private static final AttributeKey<String> PROVIDER = AttributeKey.stringKey(GenAiNames.PROVIDER_NAME);
    private static final AttributeKey<String> MODEL = AttributeKey.stringKey(GenAiNames.REQUEST_MODEL);
    private static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey(GenAiNames.TOKEN_TYPE);
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey(GenAiNames.ERROR_TYPE);

    private final LongHistogram tokens;
    private final DoubleHistogram duration;

    ModelMetrics(Meter meter) {
        tokens = meter.histogramBuilder(GenAiNames.METRIC_TOKEN_USAGE).ofLongs().setUnit(GenAiNames.METRIC_TOKEN_USAGE_UNIT)
                .setDescription("Number of input and output tokens used").setExplicitBucketBoundariesAdvice(GenAiNames.TOKEN_USAGE_BUCKETS)
                .build();
        duration = meter.histogramBuilder(GenAiNames.METRIC_OPERATION_DURATION).setUnit(GenAiNames.METRIC_OPERATION_DURATION_UNIT)
                .setDescription("GenAI operation duration").setExplicitBucketBoundariesAdvice(GenAiNames.OPERATION_DURATION_BUCKETS)
                .build();
    }

    void record(ModelCall call) {
        AttributesBuilder common = Attributes.builder().put(OPERATION, GenAiNames.CHAT).put(PROVIDER, call.provider()).put(MODEL, call.model());
        if (!call.errorType().isEmpty()) {
            common.put(ERROR_TYPE, call.errorType());
        }
        Attributes base = common.build();
        tokens.record(call.inputTokens(), base.toBuilder().put(TOKEN_TYPE, GenAiNames.TOKEN_TYPE_INPUT).build());
        tokens.record(call.outputTokens(), base.toBuilder().put(TOKEN_TYPE, GenAiNames.TOKEN_TYPE_OUTPUT).build());
        if (!Double.isNaN(call.durationSeconds())) {
            duration.record(call.durationSeconds(), base);
        }
    }
}
