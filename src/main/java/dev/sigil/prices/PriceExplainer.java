package dev.sigil.prices;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sigil.contract.codec.LineSplitter;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.event.FastLogEvent;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.Usage;
import dev.sigil.contract.format.FormatReader;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.cost.Cost;
import dev.sigil.cost.PriceCalculator;
import dev.sigil.cost.PriceCatalog;
import dev.sigil.cost.UsageKeys;

/**
 * Reads one log (any format: docs/formats.md) and prices every usage by its own timestamp: naive timestamps are the local
 * wall time of the machine that wrote them (as the logger writes them), taken in {@code zone}; a record whose
 * timestamp cannot be read is priced at {@code now} and counted as undated.
 */
public final class PriceExplainer {

    private final PriceCatalog catalog;
    private final PriceCalculator calculator;
    private final ZoneId zone;
    private final Instant now;
    private final FormatSet formats;

    public PriceExplainer(PriceCatalog catalog, ZoneId zone, Instant now) {
        this(catalog, zone, now, FormatSet.builtIn());
    }

    /** An explainer reading logs in {@code formats}. */
    public PriceExplainer(PriceCatalog catalog, ZoneId zone, Instant now, FormatSet formats) {
        this.formats = formats;
        this.catalog = catalog;
        this.calculator = new PriceCalculator(catalog);
        this.zone = zone;
        this.now = now;
    }

    /** The explanation of the log {@code in}, named {@code source}; lines longer than {@code maxLineBytes} are skipped. */
    public Explanation explain(String source, InputStream in, int maxLineBytes) throws IOException {
        Reading r = new Reading();
        new LineSplitter(maxLineBytes).split(in, r);
        r.lines.end(r);
        return new Explanation(source, new ArrayList<>(r.models.values()), r.count, r.skipped, r.unknownLines, r.unknownTokens);
    }

    /** The instant of a log timestamp, or null when it cannot be read. */
    Instant instant(String timestamp) {
        EventTime t = EventTime.parse(timestamp);
        return t == null ? null : t.toInstant(zone);
    }

    private final class Reading implements LineSplitter.Handler, FormatReader.Sink {
        final Map<String, ModelUse> models = new LinkedHashMap<>();
        final FormatReader lines = new FormatReader(formats);
        long count;
        long skipped;
        long unknownLines;
        long unknownTokens;

        @Override
        public void line(long number, byte[] bytes, int from, int to) {
            if (LineSplitter.isBlank(bytes, from, to)) {
                return;
            }
            count++;
            lines.line(number, bytes, from, to, this);
        }

        @Override
        public void events(long line, List<LogEvent> events) {
            for (LogEvent event : events) {
                Usage usage = event.usage();
                if (!usage.hasModel()) {
                    if (usage.totalTokens() > 0) {
                        unknownLines++;
                        unknownTokens += usage.totalTokens();
                    }
                } else {
                    add(event.timestamp(), usage);
                }
            }
        }

        @Override
        public void unrecognised(long line, LogEvent event) {
            skipped++;
        }

        @Override
        public void notAnObject(long line, String why) {
            skipped++;
        }

        private void add(String timestamp, Usage usage) {
            ModelUse use = models.computeIfAbsent(usage.model(), m -> new ModelUse(m, catalog.find(m)));
            use.add(usage);
            if (!use.priced()) {
                return;
            }
            Instant at = instant(timestamp);
            if (at == null) {
                use.undated++;
                at = now;
            }
            Cost cost = calculator.price(UsageKeys.of(usage), use.lookup(), at);
            use.priced(cost.priceIndex(), timestamp, cost.total());
        }

        @Override
        public void tooLong(long number, long length) {
            count++;
            skipped++;
        }
    }

}
