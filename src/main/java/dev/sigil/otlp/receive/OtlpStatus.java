package dev.sigil.otlp.receive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.google.protobuf.CodedOutputStream;
import dev.sigil.contract.codec.PythonJsonWriter;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The body of a refused request: OTLP/HTTP answers failures with a {@code google.rpc.Status} (code 1, message 2),
 * in the request's encoding. The gRPC code follows the HTTP status (400 INVALID_ARGUMENT, 401 UNAUTHENTICATED,
 * 413 RESOURCE_EXHAUSTED, 503 UNAVAILABLE, others UNKNOWN).
 */
final class OtlpStatus {

    private OtlpStatus() {
    }

    static byte[] encode(int httpStatus, String message, boolean json) {
        int code = switch (httpStatus) {
            case 400, 415 -> 3;
            case 401 -> 16;
            case 404 -> 5;
            case 413 -> 8;
            case 503 -> 14;
            default -> 2;
        };
        if (json) {
            return new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT).encode(JsonNodeFactory.instance.objectNode().put("code", code)
                    .put("message", message));
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.writeInt32(1, code);
            out.writeString(2, message);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            return message.getBytes(StandardCharsets.UTF_8);
        }
    }
}
