package dev.sigil.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real file channel with the faults a disk produces rarely, on demand: writes that stop part way with ENOSPC,
 * an fsync that fails, a write that hangs. The file underneath is real; only the failure is staged.
 */
final class FaultyChannel extends DelegatingChannel {

    /** What the channels of one test do; shared by every channel the opener hands out for the log. */
    static final class Plan {
        /** Bytes the disk still accepts; a write beyond them stops part way and fails. Long.MAX_VALUE: no limit. */
        final AtomicLong space = new AtomicLong(Long.MAX_VALUE);
        /** How many of the next fsyncs fail. */
        final AtomicInteger failingForces = new AtomicInteger();
        /** When set, writes wait on it (a hanging disk). */
        final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger forces = new AtomicInteger();

        ChannelOpener opener(String fileName) {
            return (name, real) -> name.equals(fileName) ? new FaultyChannel(real, this) : real;
        }
    }

    private final Plan plan;

    FaultyChannel(FileChannel real, Plan plan) {
        super(real);
        this.plan = plan;
    }


    @Override
    public int write(ByteBuffer src) throws IOException {
        CountDownLatch gate = plan.gate.get();
        if (gate != null) {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.nio.channels.ClosedByInterruptException();
            }
        }
        plan.writes.incrementAndGet();
        long space = plan.space.get();
        if (space == Long.MAX_VALUE || src.remaining() <= space) {
            int n = real.write(src);
            if (space != Long.MAX_VALUE) {
                plan.space.addAndGet(-n);
            }
            return n;
        }
        if (space > 0) {
            // The kernel writes what fits and returns a short count; the next write gets the error.
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + (int) space);
            int n = real.write(part);
            src.position(src.position() + n);
            plan.space.addAndGet(-n);
            return n;
        }
        throw new IOException("No space left on device");
    }

    @Override
    public void force(boolean metaData) throws IOException {
        plan.forces.incrementAndGet();
        if (plan.failingForces.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IOException("Input/output error");
        }
        real.force(metaData);
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        long before = real.size();
        real.truncate(size);
        if (plan.space.get() != Long.MAX_VALUE && before > size) {
            plan.space.addAndGet(before - size);
        }
        return this;
    }
}
