package dev.sigil.otlp;

/**
 * A model call, for the client metrics: its tokens and, when the line states a latency, its duration.
 *
 * @param provider the provider (gen_ai.provider.name)
 * @param model the model id (gen_ai.request.model)
 * @param inputTokens every input token
 * @param outputTokens every output token
 * @param durationSeconds the call's duration, NaN when the line states none
 * @param errorType the error's type when the call failed, else ""
 */
public record ModelCall(String provider, String model, long inputTokens, long outputTokens, double durationSeconds, String errorType) {
}
