package dev.sigil.tail;

import dev.sigil.contract.codec.FastJson;
import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.LineSplitter;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.StrictUtf8;
import dev.sigil.contract.format.Choice;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.contract.format.Restatements;
import dev.sigil.contract.format.Sniff;
import tools.jackson.databind.JsonNode;

/**
 * What the tailer knows of one file's format, on the polling thread, in file order (docs/formats.md §7): the sniff of
 * its first lines, looked at before they are decoded, and the model calls its lines restate. Both start over when the
 * file behind the name is rotated, truncated or replaced.
 */
final class FileFormat {

    private final Sniff sniff;
    private final Restatements restatements = new Restatements();
    private final PythonJsonReader reader = new PythonJsonReader();
    private final FastJson scan = new FastJson(FastJson.PLAIN_STRINGS);

    FileFormat(FormatSet formats) {
        this.sniff = formats.sniff();
    }

    /** Looks at a line before it is decoded, while the file's format is still being found. */
    void look(byte[] b, int from, int to) {
        if (sniff.settled()) {
            return;
        }
        int start = from;
        while (start < to && b[start] == 0) {
            start++;
        }
        if (to - start >= 3 && (b[start] & 0xFF) == 0xEF && (b[start + 1] & 0xFF) == 0xBB && (b[start + 2] & 0xFF) == 0xBF) {
            start += 3;
        }
        if (LineSplitter.isBlank(b, start, to)) {
            return;
        }
        // A native line is told from its bytes: the sniff of a log of sigil's own parses nothing (ADR 0230)
        if (sniff.offer(b, start, to, scan) || StrictUtf8.firstInvalid(b, start, to) >= 0) {
            return;
        }
        JsonNode line;
        try {
            line = reader.read(b, start, to);
        } catch (JsonSyntaxException notJson) {
            return;
        }
        sniff.offer(line, to - start);
    }

    /** Whether the file's format is found (its first lines looked at). */
    boolean settled() {
        return sniff.settled();
    }

    /** How the file's lines are read now. */
    Choice choice() {
        return sniff.choice();
    }

    /** The entry as it counts in the file (a restated call's later lines carry what they add). */
    TailEntry counted(TailEntry e) {
        return e.counted(restatements);
    }

    /** Starts over: another file is behind the name, or this one was rewritten. */
    void reset() {
        sniff.reset();
        restatements.reset();
    }
}
