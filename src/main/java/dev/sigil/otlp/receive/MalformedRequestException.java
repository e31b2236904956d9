package dev.sigil.otlp.receive;

/** A request the receiver cannot read: answered 400 with this message, counted, nothing of it written. */
final class MalformedRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedRequestException(String message) {
        super(message);
    }
}
