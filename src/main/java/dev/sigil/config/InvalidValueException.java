package dev.sigil.config;

/** A value that a setting cannot take; the message says what is allowed, with the unit. */
final class InvalidValueException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidValueException(String expected) {
        super(expected, null, false, false);
    }
}
