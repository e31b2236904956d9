package dev.sigil.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;

/**
 * How the logger opens the session log: {@link FileChannel#open} in production; tests wrap the channel to inject
 * the faults a real disk produces rarely (a failing fsync, EIO in the middle of a write).
 */
@FunctionalInterface
interface ChannelOpener {

    ChannelOpener DEFAULT = FileChannel::open;

    FileChannel open(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attributes) throws IOException;
}
