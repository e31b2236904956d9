package dev.sigil.log;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule for what sigil writes into (seed 001 §11, docs/logging.md "Shared directories"): every directory from the
 * log root down belongs to the user running sigil and no one else may write in it, and every file written belongs to
 * that user and has one name only (no hard link to a file elsewhere). A refusal names the path, its owner and mode,
 * and the fix. Where the file system has no owners (no POSIX attributes) nothing can be checked and nothing is refused.
 */
final class Ownership {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./+:=@%,-]+");

    /** The user running sigil, or null where files have no POSIX owner. */
    private final UserPrincipal me;

    private Ownership(UserPrincipal me) {
        this.me = me;
    }

    /** The rule for the user running this process. */
    static Ownership ofCurrentUser() throws IOException {
        if (!FileModes.POSIX) {
            return new Ownership(null);
        }
        return new Ownership(FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(currentUid()));
    }

    /**
     * The real user id, as a number (the lookup service takes a number for a user without a name in the password
     * database). {@code user.name} is not used: the JVM sets it from the password database, which may not know the id.
     */
    private static String currentUid() {
        try {
            return Long.toString(new com.sun.security.auth.module.UnixSystem().getUid());
        } catch (LinkageError e) {
            return System.getProperty("user.name"); // a runtime without jdk.security.auth
        }
    }

    /** Refuses a directory that is not the user's or that its group or others may write in. */
    void checkDirectory(Path path, PosixFileAttributes a) throws UnsafePathException {
        if (me == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        boolean foreign = !a.owner().equals(me);
        if (foreign) {
            problems.add("it belongs to " + a.owner().getName() + ", not to you (" + me.getName() + ")");
            fixes.add("chown " + me.getName() + " " + quoted(path));
        }
        Set<PosixFilePermission> p = a.permissions();
        boolean group = p.contains(PosixFilePermission.GROUP_WRITE);
        boolean others = p.contains(PosixFilePermission.OTHERS_WRITE);
        if (group || others) {
            problems.add((group && others ? "its group and all other users" : group ? "its group" : "all other users") + " may write in it");
            fixes.add("chmod 700 " + quoted(path));
        }
        if (!problems.isEmpty()) {
            throw new UnsafePathException("refusing to write in " + path + ": " + String.join(", and ", problems) + " (owner "
                    + a.owner().getName() + ", mode " + octal(p) + "); another user could read what sigil writes there or "
                    + "swap a directory for a link to elsewhere. Fix: " + String.join(" && ", fixes)
                    + (foreign ? " (as its owner or root)" : "") + ", or use a log directory of your own (--log-path, logging.path)");
        }
    }

    /** Refuses a file that is not the user's or that has more than one name. */
    void checkFile(Path path, PosixFileAttributes a, long links) throws UnsafePathException {
        if (me == null) {
            return;
        }
        String problem = null;
        if (!a.owner().equals(me)) {
            problem = "it belongs to " + a.owner().getName() + ", not to you (" + me.getName() + ")";
        } else if (links > 1) {
            problem = "it has " + links + " names (hard links): writing to it would change the file behind the other names";
        }
        if (problem != null) {
            throw new UnsafePathException("refusing to write to " + path + ": " + problem + " (owner " + a.owner().getName()
                    + ", mode " + octal(a.permissions()) + "); sigil writes only files of its own with a single name. Fix: "
                    + "if you did not put it there, move it away (mv " + quoted(path) + " somewhere-else) and run again");
        }
    }

    static String octal(Set<PosixFilePermission> p) {
        int mode = 0;
        for (PosixFilePermission perm : p) {
            mode |= 1 << (8 - perm.ordinal());
        }
        String digits = Integer.toOctalString(mode);
        return "0".repeat(Math.max(0, 4 - digits.length())) + digits;
    }

    private static String quoted(Path path) {
        String s = path.toString();
        return PLAIN.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
