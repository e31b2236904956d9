package dev.sigil.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A real file channel behind another: every call goes to {@code real}, except those the writer never makes (gathering
 * and positioned writes, transfers in, mapping), which are refused. The channels of the fault tests override the
 * calls they make go wrong.
 */
abstract class DelegatingChannel extends FileChannel {

    protected final FileChannel real;

    DelegatingChannel(FileChannel real) {
        this.real = real;
    }

    @Override public int write(ByteBuffer src) throws IOException { return real.write(src); }
    @Override public void force(boolean metaData) throws IOException { real.force(metaData); }
    @Override public FileChannel truncate(long size) throws IOException { real.truncate(size); return this; }
    @Override public int read(ByteBuffer dst) throws IOException { return real.read(dst); }
    @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return real.read(dsts, offset, length); }
    @Override public long write(ByteBuffer[] srcs, int offset, int length) throws IOException { throw new UnsupportedOperationException(); }
    @Override public long position() throws IOException { return real.position(); }
    @Override public FileChannel position(long newPosition) throws IOException { real.position(newPosition); return this; }
    @Override public long size() throws IOException { return real.size(); }
    @Override public long transferTo(long position, long count, WritableByteChannel target) throws IOException { return real.transferTo(position, count, target); }
    @Override public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException { throw new UnsupportedOperationException(); }
    @Override public int read(ByteBuffer dst, long position) throws IOException { return real.read(dst, position); }
    @Override public int write(ByteBuffer src, long position) throws IOException { throw new UnsupportedOperationException(); }
    @Override public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException { throw new UnsupportedOperationException(); }
    @Override public FileLock lock(long position, long size, boolean shared) throws IOException { return real.lock(position, size, shared); }
    @Override public FileLock tryLock(long position, long size, boolean shared) throws IOException { return real.tryLock(position, size, shared); }
    @Override protected void implCloseChannel() throws IOException { real.close(); }
}
