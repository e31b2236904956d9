package dev.sigil.remote.serve;

import java.io.IOException;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import dev.sigil.remote.Messages;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What Jetty answers when a request never reaches sigil's routes (a malformed or ambiguous URI, a bad header, a
 * failure): {@code {"error": reason}} as every other refusal, never an HTML page, a stack or a Java type's name. For
 * a 4xx the reason is Jetty's ("Ambiguous URI path separator"), for anything else only the status' own phrase.
 */
final class JsonErrors extends ErrorHandler {

    private final ServeCounts counts;

    JsonErrors(ServeCounts counts) {
        this.counts = counts;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        counts.refused("HTTP " + code);
        String reason = code >= 400 && code < 500 && message != null && !message.contains("java.") ? message : HttpStatus.getMessage(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, Messages.write(JsonNodeFactory.instance.objectNode().put("error", reason)) + "\n", callback);
    }
}
