package dev.sigil.cli;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.format.FormatDefinition;
import dev.sigil.contract.format.FormatDetector;
import dev.sigil.contract.format.Sniff;

/** What {@code sigil formats} prints: the list of formats and the explanation of a detection. Pure. */
final class FormatsText {

    private FormatsText() {
    }

    /** One line per format, in the order lines are tried; the forced one marked. */
    static List<String> list(List<FormatDefinition> formats, FormatDefinition forced) {
        int width = formats.stream().mapToInt(d -> d.name().length()).max().orElse(4);
        int titles = formats.stream().mapToInt(d -> d.title().length()).max().orElse(5);
        List<String> out = new ArrayList<>();
        for (FormatDefinition d : formats) {
            String mark = d == forced ? "  (forced: --input-format or formats.default)" : "";
            out.add(pad(d.name(), width) + "  " + pad(d.title(), titles) + "  " + d.source() + mark);
        }
        return out;
    }

    /** The explanation of which format {@code file} is read in. */
    static List<String> detection(String file, FormatDetector.Detection d, boolean forced) {
        List<String> out = new ArrayList<>();
        FormatDefinition chosen = d.chosen();
        String of = " of the first " + d.looked() + " JSON " + (d.looked() == 1 ? "object" : "objects");
        if (chosen == null) {
            out.add(file + ": no format recognises any" + of + " (" + d.lines() + " lines looked at)");
        } else {
            int n = d.tallies().stream().filter(t -> t.format() == chosen).mapToInt(Sniff.Tally::recognised).findFirst().orElse(0);
            out.add(file + ": read as " + chosen.name() + (chosen.title().isEmpty() ? "" : " (" + chosen.title() + ")")
                    + (forced ? ", forced," : "") + ": it recognises " + n + of);
        }
        int width = d.tallies().stream().mapToInt(t -> t.format().name().length()).max().orElse(6);
        List<String> none = new ArrayList<>();
        for (Sniff.Tally t : d.tallies()) {
            if (t.recognised() == 0) {
                none.add(t.format().name());
            } else {
                out.add("  " + pad(t.format().name(), width) + "  " + t.recognised() + " of " + d.looked()
                        + (t.format() == chosen ? "  <- read in this one" : ""));
            }
        }
        if (!none.isEmpty()) {
            out.add("  recognising none: " + String.join(", ", none));
        }
        if (!d.misses().isEmpty()) {
            out.add((chosen == null ? "Lines" : "Lines " + chosen.name() + " does not read") + " (" + d.misses().size() + "):");
            for (FormatDetector.Miss m : d.misses()) {
                String why = !m.why().isEmpty() ? m.why() : !m.readBy().isEmpty() ? "read as " + m.readBy() : "no format recognises it";
                out.add("  line " + m.line() + ": " + why + ": " + m.text());
            }
        }
        return out;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
