package dev.sigil.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The webhook action's transport: an HTTP POST of a payload, each try bounded by the action's timeout, failed tries
 * (a connection refused, a timeout, a status of 5xx or 429) tried again after 0.5 s, 1 s, 2 s, ... up to the rule's
 * retries. Uses the JDK's own HTTP client (no dependency; loaded only when a webhook fires). Every post carries an
 * {@code Idempotency-Key} naming the alert, so that a receiver can drop the second copy of a try whose answer was lost.
 * Blocking: {@link Delivery} runs it on its own thread, never the caller's.
 */
final class Webhook {

    /** The first wait between two tries; doubled each time. */
    static final long FIRST_BACKOFF_MILLIS = 500;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Posts {@code body}; empty when a try was answered with 2xx, else why none was (after every retry). */
    Optional<String> post(Rule.Action action, String key, String body) throws InterruptedException {
        Rule.Hook hook = action.webhook();
        HttpRequest request = HttpRequest.newBuilder(URI.create(hook.url())).timeout(Duration.ofMillis(action.timeoutMillis()))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        String why = "";
        long backoff = FIRST_BACKOFF_MILLIS;
        int tries = 0;
        for (int attempt = 0; attempt <= hook.retries(); attempt++) {
            tries++;
            if (attempt > 0) {
                Thread.sleep(backoff);
                backoff *= 2;
            }
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return Optional.empty();
                }
                why = "answered " + status;
                if (status / 100 == 4 && status != 429) {
                    break; // the receiver refuses this request: trying again sends the same
                }
            } catch (java.net.http.HttpTimeoutException e) {
                why = "no answer within " + action.timeoutMillis() + " ms";
            } catch (IOException e) {
                why = "cannot post: " + (e.getMessage() == null ? "connection failed" : e.getMessage());
            }
        }
        return Optional.of(why + (tries > 1 ? " (" + tries + " tries)" : ""));
    }
}
