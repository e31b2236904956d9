package dev.sigil.otlp.export;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.CompletableResultCode;

/**
 * Why an export failed, and whether sending it again may succeed: the collector unreachable or overloaded (no
 * connection, a timeout, HTTP 408, 429, 502, 503, 504) is worth retrying; any other answer (400 for a request it
 * cannot read, 401 or 403 for a missing token, 404, 413) is not, and the batch is given up and counted.
 *
 * <p>The HTTP status is read from the SDK's {@code FailedExportException}, of an internal package: sigil pins the
 * SDK's version (ADR 0130), and an exception of another type is taken as worth retrying.
 *
 * @param retryable whether sending again may succeed
 * @param reason one line for the user
 */
record Failure(boolean retryable, String reason) {

    static Failure of(CompletableResultCode result) {
        if (!result.isDone()) {
            return new Failure(true, "no answer in time");
        }
        Throwable t = result.getFailureThrowable();
        if (t instanceof FailedExportException.HttpExportException http && http.failedWithResponse()) {
            int status = http.getResponse().getStatusCode();
            boolean again = status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
            return new Failure(again, "HTTP " + status + (again ? "" : " (" + meaning(status) + ")"));
        }
        Throwable cause = t == null ? null : t.getCause() != null ? t.getCause() : t;
        return new Failure(true, describe(cause));
    }

    private static String describe(Throwable cause) {
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (cause instanceof IOException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return "the request failed";
    }

    private static String meaning(int status) {
        return switch (status) {
            case 400 -> "the collector could not read the request";
            case 401, 403 -> "not authorised: check OTEL_EXPORTER_OTLP_HEADERS";
            case 404 -> "no OTLP receiver at that path";
            case 413 -> "request too large for the collector";
            default -> "refused";
        };
    }
}
