package dev.sigil.log;

/** Thrown by {@link ExecutionLogger#logChecked} for an entry the schema refuses; the entry is kept in errors.jsonl. */
public final class InvalidEntryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Rejection rejection;

    public InvalidEntryException(Rejection rejection) {
        super(rejection.describe());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
