package dev.sigil.monitor.view;

import dev.sigil.monitor.format.PyFormat;
import dev.sigil.monitor.format.PythonMonitorText;
import dev.sigil.monitor.state.Status;
import dev.sigil.text.TerminalText;

/** Short texts the dashboard shows, built the same way everywhere. Log content always passes {@link #safe}. */
final class Labels {

    private Labels() {
    }

    /** Log content made harmless for the terminal. */
    static String safe(String s) {
        return TerminalText.visible(s);
    }

    /** {@code HH:MM:SS} of a timestamp, cut as the documented monitor cuts it. */
    static String clock(String timestamp) {
        String c = PythonMonitorText.clock(timestamp);
        return safe(c.length() > 8 ? c.substring(0, 8) : c);
    }

    static String tokens(long n) {
        return PyFormat.grouped(n);
    }

    /** A duration like {@code 12.3s}, {@code 4m05s}, {@code 2h07m}, {@code 3d04h}; "-" when unknown. */
    static String duration(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return "-";
        }
        if (seconds < 0) {
            return "-" + duration(-seconds);
        }
        if (seconds < 60) {
            return PyFormat.fixed(seconds, 1) + "s";
        }
        long s = (long) seconds;
        if (s < 3600) {
            return s / 60 + "m" + two(s % 60) + "s";
        }
        if (s < 86_400) {
            return s / 3600 + "h" + two(s / 60 % 60) + "m";
        }
        return s / 86_400 + "d" + two(s / 3600 % 24) + "h";
    }

    /** Tokens per second, e.g. {@code 12.3 tok/s}; "-" when unknown. */
    static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return "-";
        }
        return (perSecond >= 100 ? PyFormat.grouped(Math.round(perSecond)) : PyFormat.fixed(perSecond, 1)) + " tok/s";
    }

    /** When the budget runs out at the current rate; nothing once the session has ended. */
    static String forecast(double secondsLeft, Status status) {
        if (secondsLeft == 0) {
            return "budget used up";
        }
        if (status.isFinished()) {
            return ""; // the session ended: it spends nothing more, so it runs out of nothing
        }
        if (Double.isNaN(secondsLeft)) {
            return status == Status.RUNNING ? "no tokens in the last minute" : "";
        }
        return "out in ~" + duration(secondsLeft);
    }

    /** A size: {@code 812 B}, {@code 4.0 KiB}, {@code 1.2 MiB}, {@code 3.4 GiB}. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n / 1024.0;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return PyFormat.fixed(v, 1) + " " + units[u];
    }

    static String percent(double p) {
        return PyFormat.fixed(p, 2) + "%";
    }

    /** A latency: {@code 950ms} below a second, {@code 37.3s} above. */
    static String milliseconds(double ms) {
        if (Double.isNaN(ms)) {
            return "-";
        }
        return Math.abs(ms) < 1000 ? PyFormat.fixed(ms, 0) + "ms" : duration(ms / 1000);
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }
}
