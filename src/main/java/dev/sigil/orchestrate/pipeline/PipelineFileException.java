package dev.sigil.orchestrate.pipeline;

/** A pipeline file that cannot be used; the message names the file and, where it can, the line or the JSON pointer. */
public final class PipelineFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PipelineFileException(String message) {
        super(message, null, false, false);
    }
}
