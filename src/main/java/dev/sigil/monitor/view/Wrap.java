package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.tamboui.text.CharWidth;

/**
 * Text broken into lines of a width, so that a message is read whole at any size: at spaces, and a word wider than
 * the line (a long path) after one of its slashes when it can, else where it must.
 */
final class Wrap {

    /** A piece of a long word is put at the end of a line only if at least this many columns are left there. */
    private static final int MIN_PIECE = 8;

    private Wrap() {
    }

    static List<String> lines(String text, int width) {
        List<String> out = new ArrayList<>();
        if (width <= 0) {
            return out;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String w = word;
            while (true) {
                int used = CharWidth.of(line.toString());
                int need = CharWidth.of(w) + (line.length() > 0 ? 1 : 0);
                if (used + need <= width) {
                    if (line.length() > 0) {
                        line.append(' ');
                    }
                    line.append(w);
                    break;
                }
                int room = width - used - (line.length() > 0 ? 1 : 0);
                boolean tooLongForAnyLine = CharWidth.of(w) > width;
                if (line.length() > 0 && (!tooLongForAnyLine || room < MIN_PIECE)) {
                    out.add(line.toString());
                    line.setLength(0);
                    continue;
                }
                // a word no line holds (a long path): its first piece fills this line
                String head = head(w, line.length() > 0 ? room : width);
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(head);
                out.add(line.toString());
                line.setLength(0);
                w = w.substring(head.length());
                if (w.isEmpty()) {
                    break;
                }
            }
        }
        if (line.length() > 0 || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }

    /** The start of {@code word} that fits {@code width}, ending after a slash when one is in its second half. */
    private static String head(String word, int width) {
        String fits = CharWidth.substringByWidth(word, width);
        if (fits.isEmpty()) {
            fits = word.substring(0, Character.charCount(word.codePointAt(0))); // a wide character on a 1-column line
        }
        int slash = fits.lastIndexOf('/');
        return slash >= fits.length() / 2 && slash < fits.length() - 1 ? fits.substring(0, slash + 1) : fits;
    }
}
