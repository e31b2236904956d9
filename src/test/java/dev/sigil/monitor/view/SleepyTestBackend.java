package dev.sigil.monitor.view;

import dev.tamboui.terminal.TestBackend;

/**
 * TamboUI's TestBackend returns from {@code read} at once, so the runner's input thread spins a core at 100 %
 * (docs: /work/shared/notes/tamboui-0.2.0.md); this one waits out the timeout like a real terminal.
 */
final class SleepyTestBackend extends TestBackend {

    SleepyTestBackend(int width, int height) {
        super(width, height);
    }

    @Override
    public int read(int timeout) {
        try {
            Thread.sleep(Math.max(1, timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -2;
    }
}
