package dev.sigil.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one home of names and paths: what it answers, and that it agrees with the contract. */
class LogLayoutTest {

    private final LogLayout layout = new LogLayout(Path.of("/logs"));

    @Test
    void pathsUnderTheRoot() {
        SessionId id = SessionId.of("s-1");
        assertThat(layout.executionLog(id)).isEqualTo(Path.of("/logs/sessions/s-1/execution.jsonl"));
        assertThat(LogLayout.relativeExecutionLog(id)).isEqualTo(Path.of("sessions/s-1/execution.jsonl"));
        assertThat(layout.current()).isEqualTo(Path.of("/logs/current.jsonl"));
        assertThat(layout.maintenanceLock()).isEqualTo(Path.of("/logs/.maintenance.lock"));
        assertThat(layout.archiveDay(LocalDate.of(2026, 1, 11))).isEqualTo(Path.of("/logs/archive/2026-01-11"));
        assertThat(LogLayout.archiveName("s-1", 1)).isEqualTo("s-1.tar.gz");
        assertThat(LogLayout.archiveName("s-1", 3)).isEqualTo("s-1.3.tar.gz");
    }

    @Test
    void archiveDaysAreExactlyIsoDates() {
        assertThat(LogLayout.archiveDayOf("2026-01-11")).contains(LocalDate.of(2026, 1, 11));
        assertThat(LogLayout.archiveDayOf("2026-02-30")).isEmpty();
        assertThat(LogLayout.archiveDayOf("+2026-01-11")).isEmpty();
        assertThat(LogLayout.archiveDayOf("20260111")).isEmpty();
    }

    @Test
    void rotatedPartsAreNumberedFromOneWithoutLeadingZeros() {
        assertThat(LogLayout.rotatedNumber("execution.1.jsonl")).hasValue(1);
        assertThat(LogLayout.rotatedNumber(LogLayout.rotatedName(123456789))).hasValue(123456789);
        assertThat(LogLayout.rotatedNumber("execution.0.jsonl")).isEmpty();
        assertThat(LogLayout.rotatedNumber("execution.01.jsonl")).isEmpty();
        assertThat(LogLayout.rotatedNumber("execution.1.json")).isEmpty();
        assertThat(LogLayout.partsOf("app.log").matcher("app.7.log").matches()).isTrue();
        assertThat(LogLayout.partsOf("app.log").matcher("app.07.log").matches()).isFalse();
        assertThat(LogLayout.partsOf("a.b.jsonl").matcher("a.b.2.jsonl").matches()).isTrue();
    }

    @Test
    void theSessionOfALogIsItsDirectoryForTheLogAndItsParts() {
        assertThat(LogLayout.sessionOf(Path.of("/logs/sessions/s-1/execution.jsonl"))).isEqualTo("s-1");
        assertThat(LogLayout.sessionOf(Path.of("/logs/sessions/s-1/execution.4.jsonl"))).isEqualTo("s-1");
        assertThat(LogLayout.sessionOf(Path.of("/tmp/other.jsonl"))).isEqualTo("other");
    }

    @Test
    void theHomeIsHomeElseTheJvmsAndSigilLivesUnderIt() {
        SigilHome h = SigilHome.of(Map.of("HOME", "/home/me"));
        assertThat(h.configFile()).isEqualTo(Path.of("/home/me/.sigil/config.yaml"));
        assertThat(h.defaultLogRoot()).isEqualTo(Path.of("/home/me/.sigil/logs"));
        assertThat(h.expand("~")).isEqualTo(Path.of("/home/me"));
        assertThat(h.expand("~/a/../b")).isEqualTo(Path.of("/home/me/b"));
        assertThat(h.expand("/etc/x")).isEqualTo(Path.of("/etc/x"));
        assertThat(SigilHome.of(Map.of("HOME", "")).home()).isEqualTo(Path.of(System.getProperty("user.home")));
        assertThat(SigilHome.of(Map.of()).home()).isEqualTo(Path.of(System.getProperty("user.home")));
    }

    @Test
    void generatedIdsAreSessAndTwelveHexDigits() {
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            SessionId id = SessionId.generate(random);
            assertThat(id.value()).matches("sess_[0-9a-f]{12}");
            assertThat(SessionId.isValid(id.value())).isTrue();
        }
    }

    @Test
    void theSessionIdRuleIsTheSchemasPattern() throws IOException {
        JsonNode schema = JsonMapper.builder().build().readTree(Files.readString(Path.of("contract/execution-entry.schema.json")));
        assertThat(schema.at("/properties/session_id/pattern").stringValue()).isEqualTo(SessionId.SCHEMA_PATTERN);
    }
}
