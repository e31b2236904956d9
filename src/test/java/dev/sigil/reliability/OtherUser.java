package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Another local user, for the tests of shared directories: files and directories are given to uid {@link #UID}
 * (no account is needed for a file to belong to a uid). As root (this project's machine and CI), by a plain chown;
 * otherwise through {@code sudo -n chown}. A machine where neither works fails the test: it is never skipped.
 */
public final class OtherUser {

    /** A uid no account of the machine is expected to have. */
    public static final int UID = 4242;

    private OtherUser() {
    }

    /** Makes {@code path} (not what a link leads to) belong to the other user. */
    public static void owns(Path path) throws IOException, InterruptedException {
        if (isRoot()) {
            Files.setAttribute(path, "unix:uid", UID, LinkOption.NOFOLLOW_LINKS);
        } else {
            Process p = new ProcessBuilder("sudo", "-n", "chown", "-h", Integer.toString(UID), path.toString()).inheritIO().start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0)
                    .as("giving " + path + " to uid " + UID + " needs root or password-less sudo; run the tests as root (CI does)").isTrue();
        }
        assertThat(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(UID);
    }

    private static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }
}
