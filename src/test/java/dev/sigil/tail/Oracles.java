package dev.sigil.tail;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The real oracles the compat tests run; a missing one fails the test with what to install, never skips it. */
public final class Oracles {

    /** The repository root (surefire and failsafe run in it). */
    public static final Path ROOT = Path.of(System.getProperty("sigil.home", "")).toAbsolutePath();

    private Oracles() {
    }

    /** Fails unless {@code command --version} runs. */
    public static void require(String command, String install) {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fail(command + " is needed by this compat test and could not be run; install it: " + install);
    }
}
