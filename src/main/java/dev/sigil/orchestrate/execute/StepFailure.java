package dev.sigil.orchestrate.execute;

/**
 * A step that did not produce output: its category, a one-line reason and the error type written to the log
 * ({@code metadata.error_type}).
 */
public final class StepFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCategory category;
    private final String errorType;

    public StepFailure(ErrorCategory category, String errorType, String message) {
        super(message, null, false, false);
        this.category = category;
        this.errorType = errorType;
    }

    public ErrorCategory category() {
        return category;
    }

    public String errorType() {
        return errorType;
    }
}
