package dev.sigil.validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells a file that is not an execution log at all (an API usage log, another program's JSON lines) from a log with
 * broken entries, so that the text report says so once instead of printing ten problems for each of its lines.
 *
 * <p>A line is <em>foreign</em> when its problems say it lacks most of the contract's required properties. A file is
 * taken for foreign when its first {@link #DECIDING_LINES} lines with problems are foreign, lack the same properties,
 * and follow one another (at most {@link #GAP} lines apart, so a real log with a few stray lines is not mistaken
 * for one). Then the report says so, shows the first {@link #SHOWN} problems, and only counts the problems of
 * further foreign lines; problems of lines that look like entries are still shown. Until it decides, it holds the
 * problems of at most {@link #DECIDING_LINES} lines. Feed it one file at a time, in line order.
 */
public final class ForeignLog {

    /** Problem lines that decide. */
    public static final int DECIDING_LINES = 3;
    /** Problems shown of a foreign file. */
    public static final int SHOWN = 5;
    /** Largest distance of two deciding lines. */
    static final long GAP = 2;

    /** Where the verdicts go. */
    public interface Report {
        void problem(Problem p);

        void notice(String text);
    }

    private final Report out;
    private final int required;
    private final List<List<Problem>> held = new ArrayList<>();
    private List<Problem> line = new ArrayList<>();
    private boolean decided;
    private boolean foreign;
    private Set<String> missing;
    private String path;
    private long hiddenProblems;
    private long hiddenLines;
    private int shown;

    /** @param requiredCount how many properties the schema requires at the top (5 for the contract) */
    public ForeignLog(Report out, int requiredCount) {
        this.out = out;
        this.required = requiredCount;
    }

    public void accept(Problem p) {
        if (!line.isEmpty() && (line.get(0).line() != p.line() || !line.get(0).path().equals(p.path()))) {
            lineDone();
        }
        if (path != null && !path.equals(p.path())) {
            fileDone();
        }
        path = p.path();
        line.add(p);
    }

    /** Everything of the current file has been fed: what is held is let out, the count of what was not shown said. */
    public void fileDone() {
        if (!line.isEmpty()) {
            lineDone();
        }
        if (!decided) {
            held.forEach(l -> l.forEach(out::problem));
        } else if (foreign && hiddenProblems > 0) {
            out.notice(path + ": " + hiddenProblems + " more " + (hiddenProblems == 1 ? "problem" : "problems") + " like these in "
                    + hiddenLines + " " + (hiddenLines == 1 ? "line" : "lines") + ", not shown (--format json lists every one)");
        }
        held.clear();
        decided = false;
        foreign = false;
        missing = null;
        hiddenProblems = 0;
        hiddenLines = 0;
        shown = 0;
        path = null;
    }

    private void lineDone() {
        List<Problem> done = line;
        line = new ArrayList<>();
        if (decided) {
            if (foreign && missing.equals(missingRequired(done))) {
                showOrCount(done);
            } else {
                done.forEach(out::problem);
            }
            return;
        }
        held.add(done);
        if (!looksForeign(done) || (held.size() > 1 && !sameAsFirst(done))) {
            decide(false);
        } else if (held.size() == DECIDING_LINES) {
            decide(true);
        }
    }

    private boolean sameAsFirst(List<Problem> done) {
        List<Problem> previous = held.get(held.size() - 2);
        return missingRequired(held.get(0)).equals(missingRequired(done)) && done.get(0).line() - previous.get(0).line() <= GAP;
    }

    private void decide(boolean isForeign) {
        decided = true;
        foreign = isForeign;
        if (!isForeign) {
            held.forEach(l -> l.forEach(out::problem));
            held.clear();
            return;
        }
        missing = missingRequired(held.get(0));
        List<String> names = new ArrayList<>(missing);
        String last = names.remove(names.size() - 1);
        out.notice(path + ": does not look like an execution log: its lines lack the properties the contract requires, "
                + (names.isEmpty() ? last : String.join(", ", names) + " and " + last) + " (docs/contract.md); the first problems:");
        for (List<Problem> l : held) {
            showOrCount(l);
        }
        held.clear();
    }

    private void showOrCount(List<Problem> problems) {
        boolean counted = false;
        for (Problem p : problems) {
            if (shown < SHOWN) {
                out.problem(p);
                shown++;
            } else {
                hiddenProblems++;
                counted = true;
            }
        }
        hiddenLines += counted ? 1 : 0;
    }

    private boolean looksForeign(List<Problem> problems) {
        return missingRequired(problems).size() * 2 > required;
    }

    /** The required properties a line's problems say are missing, in the order they are reported. */
    static Set<String> missingRequired(List<Problem> problems) {
        Set<String> names = new LinkedHashSet<>();
        for (Problem p : problems) {
            if ("required".equals(p.rule()) && p.pointer() != null && p.pointer().isEmpty()) {
                int a = p.message().indexOf('\'');
                int b = p.message().indexOf('\'', a + 1);
                names.add(a >= 0 && b > a ? p.message().substring(a + 1, b) : p.message());
            }
        }
        return names;
    }
}
