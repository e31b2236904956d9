package dev.sigil.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import dev.sigil.contract.codec.ByteSink;
import dev.sigil.contract.event.Attribution;
import dev.sigil.contract.event.Dialect;
import dev.sigil.contract.event.Level;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.Usage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The line form of a mapped event cuts its time as the jq tail's line form cuts a timestamp (LineFormat.time); its
 * bytes written straight to a sink are those of its text in UTF-8.
 */
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

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("ab\n\t\r\uD83D\uDE00\uD800\uDC00é…").ofMaxLength(1_010),
                Arbitraries.strings().withChars("xy\uD83D\uDE00").ofMinLength(990).ofMaxLength(1_010),
                Arbitraries.strings().withChars("x\n\uD83D\uDE00\uDC00\uD800é").ofMinLength(995).ofMaxLength(1_004),
                Arbitraries.of("", "api", "GET"));
    }

    @Property(tries = 2000)
    void theWrittenBytesAreTheTextsUtf8(@ForAll("timestamps") String timestamp, @ForAll("texts") String component,
                                         @ForAll("texts") String operation, @ForAll("texts") String message, @ForAll Level level) {
        LogEvent e = new LogEvent(Dialect.MAPPED, timestamp, "", "step_complete", component, null, operation, level, message, 0, 0, -1, -1,
                -1, "", "", Usage.NONE, "", "", Attribution.NONE, LogEvent.NO_BUDGET_USD, "pino");
        ByteSink out = new ByteSink(16);
        EventLine.write(e, out);
        assertThat(out.toByteArray()).isEqualTo(EventLine.format(e).getBytes(StandardCharsets.UTF_8));
    }
}
