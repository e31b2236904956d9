package dev.sigil.alerts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;
import org.zeroturnaround.exec.stream.NullOutputStream;

/**
 * The command action: runs the rule's program (no shell) with the alert's JSON object and a newline on its standard
 * input, through zt-exec, and stops it after its timeout. Its output is not read by sigil (a command that wants to be
 * heard writes to a file, or sends its mail). What went wrong is returned, for the caller to say.
 */
final class CommandAction {

    private CommandAction() {
    }

    /** Runs {@code action} for {@code alert}; empty when it exited with 0, else why it failed. */
    static Optional<String> run(Rule.Action action, Alert alert) {
        byte[] in = (AlertText.json(alert) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ProcessResult r = new ProcessExecutor().command(action.command()).redirectInput(new ByteArrayInputStream(in))
                    .redirectOutput(NullOutputStream.NULL_OUTPUT_STREAM).redirectError(NullOutputStream.NULL_OUTPUT_STREAM)
                    .timeout(action.timeoutMillis(), TimeUnit.MILLISECONDS).destroyOnExit().execute();
            return r.getExitValue() == 0 ? Optional.empty() : Optional.of("exited with " + r.getExitValue());
        } catch (TimeoutException e) {
            return Optional.of("stopped after its timeout of " + action.timeoutMillis() + " ms");
        } catch (IOException e) {
            return Optional.of("cannot run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
