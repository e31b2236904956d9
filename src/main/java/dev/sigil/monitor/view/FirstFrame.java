package dev.sigil.monitor.view;

import dev.sigil.monitor.state.MonitorState;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.jfr.TerminalDrawEvent;
import dev.tamboui.layout.Rect;

/**
 * The first frame's set-up work, done on another core while the terminal is opened (ADR 0200). The first frame drawn
 * loads and initialises every class of the view (TamboUI's layout solver, widgets, text, our panels: some 200 classes
 * read from the jar) and TamboUI's draw asks JDK Flight Recorder whether its draw event is on, which sets up the
 * recorder's metadata (about 110 classes of {@code jdk.jfr}); 0.1 s or so on the render thread before anything is on
 * screen. Drawing the state as it is into a buffer nobody sees, and asking that question, on a thread of their own
 * while the main thread opens the terminal (JLine's start, an {@code infocmp} for many terminals, the answers of the
 * terminal) takes that off the way to the first frame. The render thread waits for it before it draws, so no two
 * threads ever draw at once.
 */
final class FirstFrame {

    private FirstFrame() {
    }

    /** Starts the work: the view of {@code state} drawn at 120x40 into a buffer that is then dropped. */
    static Thread prepare(DashboardView view, MonitorState state) {
        Thread t = new Thread(() -> {
            Rect area = new Rect(0, 0, 120, 40);
            view.render(state, area, Buffer.empty(area));
            try {
                TerminalDrawEvent.enabled();
            } catch (LinkageError noRecorder) {
                // a runtime without jdk.jfr: TamboUI's draw will say so itself
            }
        }, "sigil-monitor-first-frame");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> { }); // the real first frame meets the same failure and shows it
        t.start();
        return t;
    }

    /** Waits for {@code prepared} to end (at once, mostly: the terminal took longer). */
    static void await(Thread prepared) {
        try {
            prepared.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
