package dev.sigil.orchestrate.execute;

import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The error of a model provider a step command reports on stdout (docs/orchestrate.md): {@code {"error": {"status":
 * 429, "type": "rate_limit_error", "message": "...", "retry_after": 20}}}, the fields of the provider's HTTP answer
 * (status, the error's type as Anthropic and OpenAI name it, the {@code Retry-After} header in seconds, or
 * {@code retry_after_ms}). Pure.
 */
final class ProviderError {

    /** The longest wait a provider's retry_after is allowed to ask for (longer: the step fails). */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    private ProviderError() {
    }

    /** The failure {@code answer} reports, if it holds an {@code error} object sigil can classify. */
    static Optional<StepFailure> of(String command, JsonNode answer) {
        JsonNode error = answer.path("error");
        if (!error.isObject()) {
            return Optional.empty();
        }
        JsonNode status = error.path("status");
        int http = status.isIntegralNumber() && status.canConvertToInt() ? status.intValue() : -1;
        return FailureClassifier.providerError(command, http, text(error.path("type")), text(error.path("message")), retryAfter(error));
    }

    private static Optional<Duration> retryAfter(JsonNode error) {
        JsonNode ms = error.path("retry_after_ms");
        if (ms.isNumber() && ms.doubleValue() >= 0 && Double.isFinite(ms.doubleValue())) {
            return Optional.of(Duration.ofMillis(Math.round(Math.min(ms.doubleValue(), 1e15))));
        }
        JsonNode seconds = error.path("retry_after");
        if (seconds.isNumber() && seconds.doubleValue() >= 0 && Double.isFinite(seconds.doubleValue())) {
            return Optional.of(Duration.ofMillis(Math.round(Math.min(seconds.doubleValue(), 1e12) * 1000)));
        }
        if (seconds.isString()) {
            return FailureClassifier.retryAfter("retry-after: " + seconds.stringValue().strip());
        }
        return Optional.empty();
    }

    private static String text(JsonNode v) {
        return v.isString() ? v.stringValue() : "";
    }
}
