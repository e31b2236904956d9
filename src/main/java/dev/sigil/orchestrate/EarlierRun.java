package dev.sigil.orchestrate;

/**
 * What a session's log says about its earlier runs, for {@code --resume} to check before it starts.
 *
 * @param task the task of its first run ("" if the log has none)
 * @param pipeline the pipeline file's name its first run ran ("" for the built-in pipeline)
 * @param finished true if the log ends with session_complete: nothing is left to resume
 */
public record EarlierRun(String task, String pipeline, boolean finished) {
}
