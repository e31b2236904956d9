package dev.sigil.print;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.node.JsonNodeFactory;

/** The line form of a mapped event cuts its time as the jq tail's line form cuts a timestamp (LineFormat.time). */
class EventLineProperties {

    @Provide
    Arbitrary<String> timestamps() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789T .:-Z+").ofMaxLength(30),
                Arbitraries.of("2026-03-02T09:00:00.125Z", "2026-03-02 09:00:00", "2026-03-02T09:00:00", "T", ".", "T.5", "a b c",
                        "2026-03-02T09:00:00.1T2", "", " ", "T12:00"));
    }

    @Property(tries = 3000)
    void theClockIsTheJqTailsCut(@ForAll("timestamps") String timestamp) {
        String jq = LineFormat.time(JsonNodeFactory.instance.stringNode(timestamp));
        assertThat(EventLine.clock(timestamp)).isEqualTo(jq.equals("null") ? timestamp : jq);
    }
}
