package dev.sigil.tail;

import dev.sigil.contract.format.FormatSet;

/**
 * The lines of one file decoded in file order as the tailer decodes them, for a reader that reads a file once
 * ({@code sigil report}, the alert replay): the file's format found from its first lines, restated model calls counted
 * once (docs/formats.md §6-7), invalid UTF-8 repaired as jq repairs it. Mutable: one per file, one thread.
 */
public final class FileLines {

    private final FileFormat format;
    private final LineDecoder decoder = new LineDecoder(true, null);

    public FileLines(FormatSet formats) {
        this.format = new FileFormat(formats);
    }

    /** Line {@code number}, {@code bytes[from, to)}: an entry (its events as they count), a skip, or blank. */
    public LineDecoder.Result decode(long number, byte[] bytes, int from, int to) {
        format.look(bytes, from, to);
        LineDecoder.Result r = decoder.decode(number, 0, bytes, from, to, false, format.choice());
        return r.entry() == null ? r : new LineDecoder.Result(format.counted(r.entry()), null, "");
    }
}
