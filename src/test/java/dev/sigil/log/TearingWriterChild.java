package dev.sigil.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.Metadata;
import dev.sigil.layout.LogLayout;

/**
 * The real logger in a process of its own, on a disk that takes a few bytes per {@code write()} (a short write, as
 * the kernel may return) with a pause after each: a {@code kill -9} then lands in the middle of a line most of the
 * time, as coreutils widens its race windows with breakpoints. Everything else is the production logger.
 *
 * <p>Usage: {@code TearingWriterChild LOG_PATH SESSION TAG COUNT SEED [MAX_FILE_SIZE]}. Logs entries with the message
 * {@code "TAG s<i>"}; prints {@code ready} once the session is open. COUNT -1 logs until killed; otherwise it logs
 * COUNT entries, closes and prints {@code done written=N}.
 */
public final class TearingWriterChild {

    private TearingWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        Path logPath = Path.of(args[0]);
        String session = args[1];
        String tag = args[2];
        long count = Long.parseLong(args[3]);
        Random random = new Random(Long.parseLong(args[4]));
        LoggerSettings.Builder settings = LoggerSettings.builder().logPath(logPath);
        if (args.length > 5) {
            settings.maxFileSizeBytes(Long.parseLong(args[5]));
        }
        ChannelOpener opener = (name, real) -> name.equals(LogLayout.EXECUTION_LOG) ? new SlowChannel(real, random) : real;
        ExecutionLogger logger = ExecutionLogger.builder(settings.build()).channelOpener(opener).open(session);
        System.out.println("ready");
        System.out.flush();
        for (long i = 0; count < 0 || i < count; i++) {
            logger.log(EventType.STEP_COMPLETE, Component.REASONING, tag + " s" + i + " " + "x".repeat((int) (i % 50)), 3,
                    Metadata.builder().put("seq", i).build());
            LockSupport.parkNanos(300_000);
        }
        logger.close();
        System.out.println("done written=" + logger.stats().written());
    }

    /** A real channel whose writes stop after 1 to 40 bytes, each followed by a short pause. */
    private static final class SlowChannel extends DelegatingChannel {
        private final Random random;

        SlowChannel(FileChannel real, Random random) {
            super(real);
            this.random = random;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + Math.min(src.remaining(), 1 + random.nextInt(40)));
            int n = real.write(part);
            src.position(src.position() + n);
            LockSupport.parkNanos(20_000);
            return n;
        }
    }
}
