package dev.sigil.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The "did you mean" of every message that names a value sigil does not know (a command, a component, a session):
 * the known names a mistyped one is nearest to, by edits (insert, delete, replace, swap two neighbours), in any case.
 * One rule for all of them, so that {@code sigil valdate} suggests {@code validate} and {@code --filter reasonin}
 * suggests {@code reasoning} the same way.
 */
public final class Nearest {

    /** At most this many names are suggested. */
    public static final int MAX_SUGGESTIONS = 3;

    private Nearest() {
    }

    /**
     * The known names near {@code typed}, nearest first (ties in the order given): those within a third of the longer
     * name's length in edits (at least one edit), and those that start with what was typed or that it starts with.
     */
    public static List<String> to(String typed, Collection<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>();
        List<Integer> distances = new ArrayList<>();
        for (String k : known) {
            String n = k.toLowerCase(Locale.ROOT);
            if (n.equals(t) || names.contains(k)) {
                continue;
            }
            int d = distance(t, n);
            boolean prefix = !t.isEmpty() && (n.startsWith(t) || t.startsWith(n)) && Math.min(t.length(), n.length()) >= 3;
            if (d <= Math.max(1, Math.max(t.length(), n.length()) / 3) || prefix) {
                names.add(k);
                distances.add(d);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(distances::get));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < order.size() && i < MAX_SUGGESTIONS; i++) {
            out.add(names.get(order.get(i)));
        }
        return out;
    }

    /** {@code "; did you mean 'a' or 'b'?"}, or "" when nothing is near. */
    public static String didYouMean(String typed, Collection<String> known) {
        List<String> near = to(typed, known);
        if (near.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("; did you mean ");
        for (int i = 0; i < near.size(); i++) {
            if (i > 0) {
                out.append(i == near.size() - 1 ? " or " : ", ");
            }
            out.append('\'').append(near.get(i)).append('\'');
        }
        return out.append('?').toString();
    }

    /**
     * The edit distance of {@code a} and {@code b} (optimal string alignment: insertions, deletions, replacements
     * and swaps of two neighbouring characters, each one edit), over UTF-16 units.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
