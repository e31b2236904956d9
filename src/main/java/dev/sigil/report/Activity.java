package dev.sigil.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.format.FormatSet;
import dev.sigil.layout.LogLayout;
import dev.sigil.log.SafeDirectory;
import dev.sigil.log.SessionLock;

/**
 * {@code --active}: the sessions running now. A session runs while a logger holds its lock ({@code .lock}, sigil's
 * writer); a log of another producer (no lock) runs while its last line does not end the run and it was written in
 * the last {@link #RUNNING_WITHIN_MILLIS} (the session picker's rule).
 */
final class Activity {

    /** A log without a lock written to this recently, its run not ended, is running. */
    static final long RUNNING_WITHIN_MILLIS = 60_000;

    private Activity() {
    }

    /** The units of sessions running now, in their order. */
    static List<List<LogSource>> running(List<List<LogSource>> units, FormatSet formats) throws IOException {
        List<List<LogSource>> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (List<LogSource> unit : units) {
            Path last = unit.get(unit.size() - 1).file();
            if (locked(last.toAbsolutePath().getParent()) || unlockedRunning(unit, formats, last, now)) {
                out.add(unit);
            }
        }
        return out;
    }

    private static boolean locked(Path dir) {
        if (!Files.exists(dir.resolve(LogLayout.LOCK))) {
            return false;
        }
        try (SafeDirectory d = SafeDirectory.existingRoot(dir)) {
            return SessionLock.isHeld(d);
        } catch (IOException | RuntimeException cannotTell) {
            return false; // another user's session, or no lock to take: the log's own rule decides
        }
    }

    private static boolean unlockedRunning(List<LogSource> unit, FormatSet formats, Path last, long now) throws IOException {
        if (Files.exists(last.toAbsolutePath().getParent().resolve(LogLayout.LOCK)) || now - Files.getLastModifiedTime(last).toMillis() >= RUNNING_WITHIN_MILLIS) {
            return false;
        }
        String[] type = {""};
        ReportReader.each(List.of(unit.get(unit.size() - 1)), formats, (source, number, event) -> type[0] = event.eventType());
        return !ends(type[0]);
    }

    /** Whether a line of this event type ends its run. */
    static boolean ends(String eventType) {
        return eventType.equals("session_complete") || eventType.equals("session_error");
    }
}
