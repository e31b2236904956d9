package dev.sigil.contract.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.LineSplitter;
import dev.sigil.contract.codec.PythonJsonReader;
import tools.jackson.databind.JsonNode;

/**
 * Explains which format a file is read in ({@code sigil formats --detect}): the first lines are looked at as the
 * readers look at them ({@link Sniff}), every format is asked about each, and the lines the chosen format does not
 * recognise are kept, cut short, to be shown.
 */
public final class FormatDetector {

    /** Characters of a line kept to show it. */
    static final int SHOWN = 160;

    /**
     * A line the chosen format did not recognise.
     *
     * @param line its number in the file
     * @param text its start, as text
     * @param why {@code not JSON: ...}, {@code not a JSON object}, or "" for a JSON object of another format or of none
     * @param readBy the format that reads it instead ("" for none)
     */
    public record Miss(long line, String text, String why, String readBy) {
    }

    /**
     * What was found.
     *
     * @param chosen the format the file is read in, or null when no format recognised any line
     * @param tallies what each format made of the JSON objects looked at, in the order lines are tried
     * @param looked JSON objects looked at
     * @param lines lines looked at (blank ones left out)
     * @param misses the lines looked at that the chosen format does not read, in order
     */
    public record Detection(FormatDefinition chosen, List<Sniff.Tally> tallies, int looked, long lines, List<Miss> misses) {
    }

    private record Seen(long line, String text, JsonNode json, String why) {
    }

    private FormatDetector() {
    }

    /** Looks at the first lines of {@code in}; lines longer than {@code maxLineBytes} count as not JSON. */
    public static Detection detect(InputStream in, FormatSet formats, int maxLineBytes) throws IOException {
        Sniff sniff = formats.detect();
        PythonJsonReader reader = new PythonJsonReader();
        List<Seen> seen = new ArrayList<>();
        try {
            new LineSplitter(maxLineBytes).split(in, new LineSplitter.Handler() {
                @Override
                public void line(long number, byte[] b, int from, int to) {
                    if (LineSplitter.isBlank(b, from, to)) {
                        return;
                    }
                    String text = shown(b, from, to);
                    try {
                        JsonNode json = reader.read(b, from, to);
                        sniff.offer(json, to - from);
                        seen.add(new Seen(number, text, json, json.isObject() ? "" : "not a JSON object"));
                    } catch (JsonSyntaxException e) {
                        seen.add(new Seen(number, text, null, "not JSON: " + e.reason()));
                    }
                    if (sniff.settled()) {
                        throw new Enough();
                    }
                }

                @Override
                public void tooLong(long number, long length) {
                    seen.add(new Seen(number, length + " bytes", null, "longer than " + maxLineBytes + " bytes"));
                }
            });
        } catch (Enough enough) {
            // the first lines are what a reader looks at
        }
        Choice choice = sniff.choice();
        FormatDefinition chosen = choice.first();
        List<Miss> misses = new ArrayList<>();
        for (Seen s : seen) {
            if (s.json == null || !s.json.isObject()) {
                misses.add(new Miss(s.line, s.text, s.why, ""));
            } else if (chosen == null || !chosen.recognises(s.json)) {
                List<Mapped> other = choice.read(s.json);
                misses.add(new Miss(s.line, s.text, "", other == null ? "" : other.get(0).event().format()));
            }
        }
        return new Detection(chosen, sniff.tallies(), sniff.lines(), seen.size(), List.copyOf(misses));
    }

    private static String shown(byte[] b, int from, int to) {
        String s = new String(b, from, Math.min(to - from, SHOWN * 4), StandardCharsets.UTF_8);
        return s.length() > SHOWN ? s.substring(0, SHOWN - 1) + "…" : s;
    }

    /** Stops the splitter once the first lines were looked at. */
    private static final class Enough extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Enough() {
            super(null, null, false, false);
        }
    }
}
