package dev.sigil.log;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * What the logger does with each channel {@link SafeDirectory} opened for it: nothing in production; tests wrap the
 * channel to inject the faults a real disk produces rarely (a failing fsync, EIO in the middle of a write).
 */
@FunctionalInterface
interface ChannelOpener {

    ChannelOpener DEFAULT = (name, channel) -> channel;

    /** The channel to use for the file {@code name}, just opened as {@code channel}. */
    FileChannel wrap(String name, FileChannel channel) throws IOException;
}
