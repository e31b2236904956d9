package dev.sigil.log;

import java.nio.file.Path;
import java.time.Duration;

import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.Metadata;

/**
 * The logger in a process of its own, for faults that need one: a file size limit (ulimit -f), SIGTERM.
 * Usage: {@code LoggerChild MODE LOG_PATH SESSION COUNT}. Prints its final counts on stdout.
 */
public final class LoggerChild {

    private LoggerChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path logPath = Path.of(args[1]);
        int count = Integer.parseInt(args[3]);
        LoggerSettings.Builder settings = LoggerSettings.builder().logPath(logPath);
        if (mode.equals("hold")) {
            // Nothing is flushed on its own: only the shutdown hook can write these entries.
            settings.flushInterval(Duration.ofHours(1)).bufferSizeBytes(1 << 30).maxBatchEntries(1 << 30);
        }
        ExecutionLogger logger = ExecutionLogger.open(args[2], settings.build());
        for (int i = 0; i < count; i++) {
            logger.log(EventType.STEP_COMPLETE, Component.REASONING, "entry " + i + " " + "p".repeat(i % 60), 7,
                    Metadata.builder().put("seq", i).build());
        }
        if (mode.equals("hold")) {
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(60_000);
            return;
        }
        logger.close();
        LoggerStats s = logger.stats();
        System.out.println("written=" + s.written() + " unwritten=" + s.unwritten() + " dropped=" + s.dropped()
                + " rejected=" + s.rejected() + " unconfirmed=" + s.unconfirmed() + " accepted=" + s.accepted());
    }
}
