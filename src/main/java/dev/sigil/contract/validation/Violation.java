package dev.sigil.contract.validation;

/**
 * One way a value breaks its schema.
 *
 * @param pointer RFC 6901 JSON pointer of the offending value ("" for the whole value)
 * @param keyword the schema keyword that failed (required, enum, pattern, type, ...)
 * @param message what is wrong, in words, without the pointer
 */
public record Violation(String pointer, String keyword, String message) {

    /** "pointer: message", with "/" standing for the whole value. */
    public String describe() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
