package dev.sigil.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.validation.SchemaValidator;

/** A file that is not an execution log is said so once; a log with a few broken lines keeps every problem shown. */
class ForeignLogTest {

    private static final SchemaValidator CONTRACT = SchemaValidator.executionEntry();

    /** An OpenAI chat-completion usage record: JSON lines, but nothing of the contract. */
    static String usageLine(int i) {
        return "{\"id\":\"chatcmpl-" + i + "\",\"object\":\"chat.completion\",\"created\":170000000" + i
                + ",\"model\":\"gpt-4o\",\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":20,\"total_tokens\":30}}\n";
    }

    static final String ENTRY = "{\"timestamp\":\"2026-01-11T10:00:00\",\"session_id\":\"s1\",\"event_type\":\"step_complete\","
            + "\"component\":\"routing\",\"message\":\"ok\",\"tokens\":1}\n";

    /** What the text report prints for {@code text}, as lines (problems as PATH:LINE: ..., notices as they are). */
    private static List<String> report(String... files) throws IOException {
        List<String> out = new ArrayList<>();
        ForeignLog foreign = new ForeignLog(new ForeignLog.Report() {
            @Override
            public void problem(Problem p) {
                out.add(p.toText());
            }

            @Override
            public void notice(String text) {
                out.add("NOTICE " + text);
            }
        }, CONTRACT.requiredCount());
        LogValidator validator = new LogValidator(CONTRACT, 1 << 20);
        for (int f = 0; f < files.length; f++) {
            validator.validate("f" + f, new ByteArrayInputStream(files[f].getBytes(StandardCharsets.UTF_8)), p -> {
                foreign.accept(p);
                return true;
            }, bytes -> { });
            foreign.fileDone();
        }
        return out;
    }

    /** Every problem the validator finds in {@code text}, unfiltered. */
    private static long allProblems(String text) throws IOException {
        long[] n = {0};
        new LogValidator(CONTRACT, 1 << 20).validate("f", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), p -> {
            n[0]++;
            return true;
        }, bytes -> { });
        return n[0];
    }

    @Test
    void aUsageLogIsSaidOnceWithItsFirstProblemsAndTheRestCounted() throws IOException {
        StringBuilder usage = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            usage.append(usageLine(i));
        }
        List<String> out = report(usage.toString());
        long all = allProblems(usage.toString());
        assertThat(all).as("what used to be printed").isGreaterThanOrEqualTo(8 * 5);
        assertThat(out).hasSize(1 + ForeignLog.SHOWN + 1);
        assertThat(out.get(0)).isEqualTo("NOTICE f0: does not look like an execution log: its lines lack the properties the contract "
                + "requires, timestamp, session_id, event_type, component and message (docs/contract.md); the first problems:");
        assertThat(out.subList(1, 1 + ForeignLog.SHOWN)).allMatch(l -> l.startsWith("f0:1: /: required property"));
        assertThat(out.get(out.size() - 1)).isEqualTo("NOTICE f0: " + (all - ForeignLog.SHOWN) + " more problems like these in 8 lines, "
                + "not shown (--format json lists every one)");
    }

    @Test
    void aRealLogWithStrayLinesKeepsEveryProblem() throws IOException {
        String log = ENTRY + usageLine(1) + ENTRY + ENTRY + ENTRY + usageLine(2) + ENTRY + ENTRY + ENTRY + usageLine(3) + ENTRY;
        List<String> out = report(log);
        assertThat(out).noneMatch(l -> l.startsWith("NOTICE")).hasSize((int) allProblems(log));
    }

    @Test
    void aLogWhoseLinesAreBrokenEntriesIsNotForeign() throws IOException {
        String broken = ENTRY.replace("\"routing\"", "\"routr\"");
        String log = broken.repeat(6);
        assertThat(report(log)).noneMatch(l -> l.startsWith("NOTICE")).hasSize((int) allProblems(log));
    }

    @Test
    void anEntryAmongForeignLinesStillShowsItsProblemsAndEachFileIsJudgedAlone() throws IOException {
        String broken = ENTRY.replace("\"routing\"", "\"routr\"");
        String foreign = usageLine(1) + usageLine(2) + usageLine(3) + broken + usageLine(4);
        List<String> out = report(foreign, broken);
        assertThat(out.get(0)).startsWith("NOTICE f0: does not look like an execution log");
        assertThat(out).contains("f0:4: /component: " + out.stream().filter(l -> l.startsWith("f0:4: ")).findFirst().orElseThrow()
                .substring("f0:4: /component: ".length()));
        assertThat(out).filteredOn(l -> l.startsWith("f1:")).hasSize(1);
        assertThat(out).filteredOn(l -> l.startsWith("NOTICE")).hasSize(2); // f0 said so, and its count; f1 nothing
    }

    @Test
    void fewerLinesThanItTakesToDecideAreAllShown() throws IOException {
        String two = usageLine(1) + usageLine(2);
        assertThat(report(two)).noneMatch(l -> l.startsWith("NOTICE")).hasSize((int) allProblems(two));
    }
}
