package dev.sigil.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.text.Grouped;
import dev.sigil.text.TerminalText;
import dev.sigil.validate.FileSummary;
import dev.sigil.validate.ForeignLog;
import dev.sigil.validate.Problem;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** How {@code sigil validate} prints problems and its summary: plain text or JSON lines. */
interface ValidationReport {

    void problem(Problem p);

    /** Everything of one file was reported. */
    default void fileDone() {
    }

    void summary(List<FileSummary> files, boolean stopped);

    /**
     * The human summary printed on stderr, its counts grouped in threes with commas in any locale ({@link Grouped}: the
     * formatter would load the JDK's locale data, a few milliseconds of every run; ADR 0271).
     */
    static String summaryLine(List<FileSummary> files, boolean stopped, long maxErrors) {
        Totals t = Totals.of(files);
        return (stopped ? "stopped after " + maxErrors + " problems; checked " : "")
                + files.size() + (files.size() == 1 ? " file, " : " files, ") + Grouped.of(t.lines()) + (t.lines() == 1 ? " line: " : " lines: ")
                + Grouped.of(t.valid()) + " valid, " + Grouped.of(t.invalid()) + " invalid"
                + (t.blank() > 0 ? " (" + Grouped.of(t.blank()) + " blank)" : "");
    }

    /** The counts of every file checked, added up. */
    record Totals(long lines, long valid, long invalid, long blank) {
        static Totals of(List<FileSummary> files) {
            long lines = 0;
            long valid = 0;
            long invalid = 0;
            long blank = 0;
            for (FileSummary f : files) {
                lines += f.lines();
                valid += f.valid();
                invalid += f.invalid();
                blank += f.blank();
            }
            return new Totals(lines, valid, invalid, blank);
        }
    }

    /**
     * {@code PATH:LINE:COLUMN: message} lines; a file that is not an execution log at all is said so once, with its
     * first problems and the count of the others ({@link ForeignLog}).
     */
    final class Text implements ValidationReport {
        private final PrintWriter out;
        private final ForeignLog foreign;

        Text(PrintWriter out, int requiredCount) {
            this.out = out;
            this.foreign = new ForeignLog(new ForeignLog.Report() {
                @Override
                public void problem(Problem p) {
                    out.println(TerminalText.visible(p.toText()));
                }

                @Override
                public void notice(String text) {
                    out.println(TerminalText.visible(text));
                }
            }, requiredCount);
        }

        @Override
        public void problem(Problem p) {
            foreign.accept(p);
        }

        @Override
        public void fileDone() {
            foreign.fileDone();
        }

        @Override
        public void summary(List<FileSummary> files, boolean stopped) {
            // the text summary goes to stderr, printed by the command
        }
    }

    /** One JSON object per problem, then {@code {"summary":{...}}}; for CI. */
    final class Json implements ValidationReport {
        private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
        private final PrintWriter out;
        private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);

        Json(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void problem(Problem p) {
            ObjectNode o = NODES.objectNode();
            o.put("path", p.path());
            o.put("line", p.line());
            if (p.column() > 0) {
                o.put("column", p.column());
            }
            if (p.pointer() != null) {
                o.put("pointer", p.pointer());
            }
            o.put("rule", p.rule());
            o.put("message", p.message());
            out.println(writer.encodeToString(o));
        }

        @Override
        public void summary(List<FileSummary> files, boolean stopped) {
            ObjectNode s = NODES.objectNode();
            Totals t = Totals.of(files);
            s.put("files", files.size());
            s.put("lines", t.lines());
            s.put("valid", t.valid());
            s.put("invalid", t.invalid());
            s.put("blank", t.blank());
            s.put("stopped", stopped);
            ObjectNode o = NODES.objectNode();
            o.set("summary", s);
            out.println(writer.encodeToString(o));
        }
    }
}
