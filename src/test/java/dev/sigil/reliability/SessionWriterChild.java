package dev.sigil.reliability;

import java.nio.file.Path;
import java.time.Duration;

import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.Metadata;
import dev.sigil.log.ExecutionLogger;
import dev.sigil.log.LoggerSettings;

/**
 * A pipeline session written by the production logger in a process of its own, at a steady pace, so that readers
 * can be started, killed and restarted while it runs: session_start with a budget, then steps of every component
 * (tokens, latency, now and then an error), then session_complete.
 *
 * <p>Usage: {@code SessionWriterChild LOG_PATH SESSION STEPS PAUSE_MILLIS MAX_FILE_SIZE [HOLD_AFTER]}. Prints
 * {@code ready} when the session is open and {@code done} when it is closed; with {@code HOLD_AFTER}, the entries of
 * that many steps are flushed and the writer waits for a line on its standard input before it goes on.
 */
public final class SessionWriterChild {

    private static final Component[] STEPS = {Component.ROUTING, Component.MEMORY, Component.PLANNING, Component.REASONING,
        Component.CONTRACTS, Component.VALIDATION};

    private SessionWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        int steps = Integer.parseInt(args[2]);
        int holdAfter = args.length > 5 ? Integer.parseInt(args[5]) : -1;
        long pause = Long.parseLong(args[3]);
        LoggerSettings settings = LoggerSettings.builder().logPath(Path.of(args[0])).maxFileSizeBytes(Long.parseLong(args[4]))
                .flushInterval(Duration.ofMillis(20)).build();
        try (ExecutionLogger log = ExecutionLogger.open(args[1], settings)) {
            System.out.println("ready");
            System.out.flush();
            log.log(EventType.SESSION_START, Component.ORCHESTRATOR, "Starting pipeline for: restart drill", 0,
                    Metadata.builder().task("restart drill").budget(10L * steps * 400).build());
            long total = 0;
            for (int i = 0; i < steps; i++) {
                if (i == holdAfter) {
                    log.flush();
                    new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
                }
                Component c = STEPS[i % STEPS.length];
                long tokens = 40 + (i * 37L) % 400;
                log.log(EventType.STEP_START, c, "step " + i + " started", 0, Metadata.EMPTY);
                if (i % 17 == 16) {
                    log.log(EventType.STEP_ERROR, c, "step " + i + " failed: timeout", 0,
                            Metadata.builder().error("timeout").errorType("TimeoutError").build());
                } else {
                    total += tokens;
                    log.log(EventType.STEP_COMPLETE, c, "step " + i + " done " + "d".repeat(i % 90), tokens,
                            Metadata.builder().latencyMs(100.0 + i % 900).build());
                }
                Thread.sleep(pause);
            }
            log.log(EventType.SESSION_COMPLETE, Component.ORCHESTRATOR, "Pipeline completed", 0,
                    Metadata.builder().totalTokens(total).stepsCompleted(steps).totalLatencyMs(1234.5).build());
        }
        System.out.println("done");
    }
}
