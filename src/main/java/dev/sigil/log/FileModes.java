package dev.sigil.log;

import java.nio.file.FileSystems;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The modes of what sigil makes under the log root, whatever the umask: directories 0700, files 0600, where the file
 * system has POSIX permissions (ADR 0080).
 */
final class FileModes {

    static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private FileModes() {
    }

    /** The attributes of a new file: mode 0600 where the file system has POSIX permissions. */
    static FileAttribute<?>[] file() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)} : new FileAttribute<?>[0];
    }

    /** The attributes of a new directory: mode 0700 where the file system has POSIX permissions. */
    static FileAttribute<?>[] directory() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY_MODE)} : new FileAttribute<?>[0];
    }
}
