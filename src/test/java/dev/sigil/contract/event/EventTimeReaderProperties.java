package dev.sigil.contract.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link EventTime.Reader}, which remembers the last date it read, reads every text of any sequence as
 * {@link EventTime#parse} reads it alone: dates repeated and changing, impossible dates (the 30th of February), dates
 * that differ only after the first ten characters, offsets, and texts that are no time at all.
 */
class EventTimeReaderProperties {

    @Provide
    Arbitrary<String> times() {
        Arbitrary<String> date = Arbitraries.of("2026-01-11", "2026-01-12", "2026-02-30", "2024-02-29", "2023-02-29", "0001-01-01",
                "9999-12-31", "2026-1a-11", "2026/01/11");
        Arbitrary<String> time = Arbitraries.of("T10:15:32", "T23:59:59.123456", " 00:00:00.5", "T24:00:00", "T10:15:32.1234567",
                "T10:15:32+02:00", "T10:15:32Z", "T10:15:3", "T10:15:32.");
        Arbitrary<String> whole = Combinators.combine(date, time).as(String::concat);
        return Arbitraries.frequencyOf(Tuple.of(8, whole), Tuple.of(1, Arbitraries.strings().ofMaxLength(30)));
    }

    @Property(tries = 2000)
    void aReaderReadsEachTextAsItIsReadAlone(@ForAll("sequences") List<String> texts) {
        EventTime.Reader reader = new EventTime.Reader();
        for (String t : texts) {
            assertThat(reader.parse(t)).as(t).isEqualTo(EventTime.parse(t));
        }
    }

    @Provide
    Arbitrary<List<String>> sequences() {
        return times().list().ofMaxSize(40);
    }
}
