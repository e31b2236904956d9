package dev.sigil.monitor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import dev.sigil.contract.codec.IndentedJson;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.LogEventDecoder;
import dev.sigil.layout.LogLayout;
import dev.sigil.monitor.state.EntryView;
import dev.sigil.monitor.state.EventRow;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.text.TerminalText;
import tools.jackson.databind.JsonNode;

/**
 * Reads one event's whole entry back from its log for the entry view (Enter on an event; the state keeps only what
 * the table shows, cut, so that a 1 MiB entry is not held in memory): the line at its byte offset in the file
 * followed, or in one of that file's rotated parts (it may have been rotated away since it was read), taken only if
 * it is still the same event. The entry comes as pretty JSON ({@code json.dumps(entry, indent=2)}), with characters
 * outside ASCII shown as themselves and text from the log made harmless ({@link TerminalText}).
 */
final class EntryReader {

    private static final PythonJsonReader READER = new PythonJsonReader();
    private static final IndentedJson PRETTY = new IndentedJson(new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS));

    private EntryReader() {
    }

    /** The entry of {@code row}, read from {@code target}'s log; its place named as the status bar names the log. */
    static MonitorAction.EntryRead read(LogTarget target, EventRow row, int maxLineBytes) {
        MonitorAction.Position at = row.position();
        List<Path> candidates = candidates(target.file());
        for (int i = 0; i < candidates.size(); i++) {
            JsonNode node = lineAt(candidates.get(i), at.offset(), maxLineBytes);
            if (node != null && same(LogEventDecoder.decode(node), row)) {
                // the log as the user named it, or the rotated part where it is now
                String shown = i == 0 ? target.shown() : candidates.get(i).toString();
                return new MonitorAction.EntryRead(row.seq(), shown + (at.line() > 0 ? ":" + at.line() : " at byte " + at.offset()),
                        pretty(node), "");
            }
        }
        return new MonitorAction.EntryRead(row.seq(), "", List.of(), "this entry is no longer at line " + at.line() + " of "
                + target.shown() + " (byte " + at.offset() + ") nor in its rotated parts: the log was truncated or rewritten since it was read");
    }



    /** The file (where a link such as {@code current.jsonl} leads now), then its rotated parts, newest first. */
    private static List<Path> candidates(Path file) {
        List<Path> out = new ArrayList<>();
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            real = file.toAbsolutePath().normalize();
        }
        out.add(real);
        Path dir = real.getParent();
        if (dir == null || real.getFileName() == null) {
            return out;
        }
        Pattern parts = LogLayout.partsOf(real.getFileName().toString());
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                if (parts.matcher(p.getFileName().toString()).matches()) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            return out;
        }
        found.sort(Comparator.comparingInt(EntryReader::partNumber).reversed());
        out.addAll(found);
        return out;
    }

    private static int partNumber(Path p) {
        OptionalInt n = LogLayout.rotatedNumber(p.getFileName().toString());
        return n.orElse(0);
    }

    /** The JSON value of the line that starts at {@code offset}, or null (no such line, not JSON, too long). */
    private static JsonNode lineAt(Path file, long offset, int maxLineBytes) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (offset < 0 || offset >= ch.size()) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(maxLineBytes + 1L, ch.size() - offset));
            while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) > 0) {
                // read until the buffer is full or the file ends
            }
            byte[] bytes = buf.array();
            int end = 0;
            while (end < buf.position() && bytes[end] != '\n') {
                end++;
            }
            if (end > maxLineBytes) {
                return null;
            }
            // a line with invalid UTF-8 was read with U+FFFD in place of the bad bytes: read it the same way again
            byte[] line = new String(bytes, 0, end, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            return READER.read(line, 0, line.length);
        } catch (IOException | RuntimeException e) {
            return null; // gone, unreadable or not JSON: not the entry looked for
        }
    }

    private static boolean same(LogEvent e, EventRow row) {
        return e != null && EventRow.cut(e.timestamp(), EventRow.MAX_FIELD).equals(row.timestamp())
                && EventRow.cut(e.eventType(), EventRow.MAX_FIELD).equals(row.eventType())
                && EventRow.cut(e.component(), EventRow.MAX_FIELD).equals(row.component());
    }

    /** The entry as {@code json.dumps(entry, indent=2)} lines, \\uXXXX of printable characters shown as they are. */
    static List<String> pretty(JsonNode node) {
        String text = new String(PRETTY.encode(node), StandardCharsets.US_ASCII);
        List<String> out = new ArrayList<>();
        int chars = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String shown = TerminalText.visible(unescapePrintable(lines[i]));
            if (chars + shown.length() > EntryView.MAX_CHARS) {
                out.add("… " + (lines.length - i) + " more lines not shown (the entry is too long to show whole; "
                        + "sigil tail --format jsonl prints it)");
                break;
            }
            chars += shown.length();
            out.add(shown);
        }
        return out;
    }

    /**
     * {@code \\uXXXX} escapes (and surrogate pairs) of characters outside ASCII turned back into the characters; the
     * escapes of controls stay, and so does any other escape ({@code \\\\}, {@code \\"}).
     */
    static String unescapePrintable(String json) {
        StringBuilder out = new StringBuilder(json.length());
        int i = 0;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c != '\\' || i + 1 >= json.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (json.charAt(i + 1) != 'u' || i + 6 > json.length()) {
                out.append(c).append(json.charAt(i + 1));
                i += 2;
                continue;
            }
            int unit = Integer.parseInt(json.substring(i + 2, i + 6), 16);
            int length = 6;
            int cp = unit;
            if (Character.isHighSurrogate((char) unit) && i + 12 <= json.length() && json.startsWith("\\u", i + 6)) {
                int low = Integer.parseInt(json.substring(i + 8, i + 12), 16);
                if (Character.isLowSurrogate((char) low)) {
                    cp = Character.toCodePoint((char) unit, (char) low);
                    length = 12;
                }
            }
            if (cp >= 0xA0 && !Character.isSurrogate((char) cp) || cp > 0xFFFF) {
                out.appendCodePoint(cp);
            } else {
                out.append(json, i, i + length);
            }
            i += length;
        }
        return out.toString();
    }
}
