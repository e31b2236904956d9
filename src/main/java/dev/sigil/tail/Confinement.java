package dev.sigil.tail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a path inside the log directory really leads inside it: a symbolic link planted in the log directory
 * ({@code sessions/x -> /etc}, {@code current.jsonl -> ~/.ssh/id_rsa}) must not make a reader of sessions read a file
 * elsewhere. Links that stay inside (current.jsonl pointing at a session's log) are fine, and so is a log directory
 * that is itself a link (where the user keeps the logs).
 */
public final class Confinement {

    private Confinement() {
    }

    /**
     * Where {@code file} leads when that is outside {@code root}, following every link, or null when it stays inside
     * (or cannot lead anywhere yet: neither it nor its directory exists, or {@code root} does not exist). For a file
     * that does not exist yet, its nearest existing directory is what is checked.
     */
    public static Path outside(Path file, Path root) throws IOException {
        if (!Files.exists(root)) {
            return null;
        }
        Path realRoot = root.toRealPath();
        Path existing = file.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            if (Files.isSymbolicLink(existing)) {
                // A dangling link: where it would lead, once its target is created.
                return inside(Files.readSymbolicLink(existing), existing, realRoot);
            }
            existing = existing.getParent();
        }
        if (existing == null) {
            return null;
        }
        Path real = existing.toRealPath();
        return real.startsWith(realRoot) ? null : real;
    }

    private static Path inside(Path target, Path link, Path realRoot) throws IOException {
        Path resolved = link.resolveSibling(target).normalize();
        Path parent = resolved.getParent();
        Path realParent = parent != null && Files.exists(parent) ? parent.toRealPath() : parent;
        Path real = realParent == null ? resolved : realParent.resolve(resolved.getFileName());
        return real.startsWith(realRoot) ? null : real;
    }

    /** The message for a path that leads outside. */
    public static String describe(Path file, Path leadsTo, Path root) {
        return file + " leads to " + leadsTo + ", outside the log directory " + root
                + " (a symbolic link planted there?); sigil reads sessions only inside it";
    }
}
