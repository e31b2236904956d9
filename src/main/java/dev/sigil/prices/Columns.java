package dev.sigil.prices;

import java.util.ArrayList;
import java.util.List;

/** Rows of cells as lines of left-aligned columns, two spaces apart, without trailing spaces. */
final class Columns {

    private Columns() {
    }

    static List<String> align(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                s.append(r[i]);
                if (i + 1 < columns) {
                    s.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            out.add(s.toString().stripTrailing());
        }
        return out;
    }
}
