import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.codec.ByteSink;
import dev.sigil.contract.format.FastProjection;
import dev.sigil.contract.format.FormatDefinition;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.contract.format.Mapped;
import dev.sigil.contract.format.MappedLines;
import dev.sigil.print.EventLine;

/**
 * What a mapped line costs once compiled, without the process around it (docs/benchmarks.md, "Formats: the whole
 * process"): every line of FILE read through the built-in format FORMAT from its bytes (FormatDefinition.readFast),
 * then the same with tail's line of its event written (EventLine.write), then tail's line written from what the line
 * shows (FormatDefinition.readLinesFast, ADR 0290), PASSES times; the thread's CPU time per
 * line of the first and of the best pass, and of the best pass of the byte scanner alone (syntax and UTF-8 checked,
 * nothing kept: the floor of any read from the bytes). Run it as the launcher runs tail, e.g. with C1 alone:
 *
 *   java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp target/dist/sigil.jar scripts/bench/MappedReadCost.java FILE FORMAT [PASSES]
 */
public final class MappedReadCost {

    public static void main(String[] args) throws Exception {
        byte[] all = Files.readAllBytes(Path.of(args[0]));
        FormatDefinition format = FormatSet.builtIn().named(args[1]).orElseThrow(() -> new IllegalArgumentException("no format " + args[1]));
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<int[]> lines = new ArrayList<>();
        for (int i = 0, start = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                lines.add(new int[] {start, i});
                start = i + 1;
            }
        }
        FastProjection scanner = new FastProjection();
        ByteSink out = new ByteSink(512);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        dev.sigil.contract.codec.FastJson scan = new dev.sigil.contract.codec.FastJson();
        double bestScan = Double.MAX_VALUE;
        double bestRead = Double.MAX_VALUE;
        double bestLine = Double.MAX_VALUE;
        double bestFields = Double.MAX_VALUE;
        MappedLines fields = new MappedLines();
        int declined = 0;
        for (int pass = 0; pass < passes; pass++) {
            long ts = threads.getCurrentThreadCpuTime();
            for (int[] l : lines) {
                if (scan.value(all, l[0], l[1], 0) < 0) {
                    declined--;
                }
            }
            long t0 = threads.getCurrentThreadCpuTime();
            bestScan = Math.min(bestScan, (t0 - ts) / 1e3 / lines.size());
            declined = 0;
            for (int[] l : lines) {
                if (format.readFast(all, l[0], l[1], scanner) == null) {
                    declined++;
                }
            }
            long t1 = threads.getCurrentThreadCpuTime();
            for (int[] l : lines) {
                List<Mapped> mapped = format.readFast(all, l[0], l[1], scanner);
                if (mapped != null) {
                    out.reset();
                    EventLine.write(mapped.get(0).event(), out);
                }
            }
            long t2 = threads.getCurrentThreadCpuTime();
            for (int[] l : lines) {
                if (format.readsLines() && format.readLinesFast(all, l[0], l[1], scanner, fields)) {
                    out.reset();
                    for (int k = 0; k < fields.size(); k++) {
                        EventLine.write(fields.get(k), out);
                    }
                }
            }
            long t3 = threads.getCurrentThreadCpuTime();
            bestFields = Math.min(bestFields, (t3 - t2) / 1e3 / lines.size());
            double read = (t1 - t0) / 1e3 / lines.size();
            double line = (t2 - t1) / 1e3 / lines.size();
            if (pass == 0) {
                System.out.printf("first pass: read %.2f us a line, read and line %.2f%n", read, line);
            }
            bestRead = Math.min(bestRead, read);
            bestLine = Math.min(bestLine, line);
        }
        System.out.printf("best of %d: scan %.2f us a line, read %.2f, read and line %.2f, tail's line from what it shows %.2f (%d lines, %d not read fast)%n",
                passes, bestScan, bestRead, bestLine, bestFields, lines.size(), declined);
    }
}
