package dev.sigil.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.log.SafeDirectory;
import dev.sigil.log.UnsafePathException;
import dev.sigil.reliability.OtherUser;

/** outputs.jsonl: what the steps produced, kept for --resume; private, redacted, and robust to a torn last line. */
class StepOutputsTest {

    @TempDir
    Path dir;

    private SafeDirectory safe() throws java.io.IOException {
        return SafeDirectory.existingRoot(dir);
    }

    @Test
    void outputsAreReadBackInOrderTheLastOfAStepWinning() throws Exception {
        StepOutputs outputs = new StepOutputs(safe(), s -> s);
        outputs.append("route", "intent: buy");
        outputs.append("research", "line one\nline \"two\" \u00e9\u2603");
        outputs.append("route", "intent: sell");
        assertThat(outputs.read()).containsExactly(java.util.Map.entry("route", "intent: sell"),
                java.util.Map.entry("research", "line one\nline \"two\" \u00e9\u2603"));
        assertThat(Files.readAllLines(dir.resolve("outputs.jsonl"))).hasSize(3);
    }

    @Test
    void theFileIsPrivateAndAbsentMeansNothingDone() throws Exception {
        StepOutputs outputs = new StepOutputs(safe(), s -> s);
        assertThat(outputs.read()).isEmpty();
        outputs.append("a", "x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("outputs.jsonl")))).isEqualTo("rw-------");
    }

    @Test
    void aTornLastLineIsIgnoredAndLinesThatAreNotOursAreSkipped() throws Exception {
        StepOutputs outputs = new StepOutputs(safe(), s -> s);
        outputs.append("a", "first");
        Files.writeString(dir.resolve("outputs.jsonl"), "{\"other\": 1}\n[1]\n{\"step\":\"b\",\"output\":\"cut he",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(outputs.read()).containsOnlyKeys("a");
    }

    @Test
    void outputsAreRedactedBeforeTheyAreKept() throws Exception {
        StepOutputs outputs = new StepOutputs(safe(), s -> s.replace("sk-secret", "[REDACTED]"));
        outputs.append("a", "key sk-secret used");
        assertThat(outputs.read().get("a")).isEqualTo("key [REDACTED] used");
        assertThat(Files.readString(dir.resolve("outputs.jsonl"))).doesNotContain("sk-secret");
    }

    @Test
    void aTornLastLineIsCutBeforeTheNextOutputIsAppended() throws Exception {
        StepOutputs outputs = new StepOutputs(safe(), s -> s);
        outputs.append("a", "first");
        Files.writeString(dir.resolve("outputs.jsonl"), "{\"step\":\"b\",\"output\":\"half wri", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        outputs.append("c", "third");
        assertThat(outputs.read()).containsOnlyKeys("a", "c");
        assertThat(Files.readString(dir.resolve("outputs.jsonl"), StandardCharsets.US_ASCII))
                .isEqualTo("{\"step\":\"a\",\"output\":\"first\"}\n{\"step\":\"c\",\"output\":\"third\"}\n");
    }

    @Test
    void anInterruptedThreadStillKeepsTheOutputOfTheStepThatFinished() throws Exception {
        StepOutputs outputs = new StepOutputs(safe(), s -> s);
        Thread.currentThread().interrupt();
        try {
            outputs.append("a", "done just before Ctrl-C");
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is left for the run to see").isTrue();
        }
        assertThat(outputs.read()).containsOnlyKeys("a");
    }

    @Test
    void aSymlinkInPlaceOfTheFileIsRefused() throws Exception {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere"), "");
        Files.createSymbolicLink(dir.resolve("outputs.jsonl"), elsewhere);
        StepOutputs outputs = new StepOutputs(safe(), s -> s);
        assertThatThrownBy(() -> outputs.append("a", "x")).isInstanceOf(UnsafePathException.class);
        assertThat(Files.readString(elsewhere)).isEmpty();
    }

    @Test
    void aHardLinkToAFileElsewhereOrAFileOfAnotherUserInPlaceOfTheFileIsRefused() throws Exception {
        Path elsewhere = Files.writeString(Files.createDirectory(dir.resolve("elsewhere")).resolve("collector"), "");
        Files.createLink(dir.resolve("outputs.jsonl"), elsewhere);
        StepOutputs linked = new StepOutputs(safe(), s -> s);
        assertThatThrownBy(() -> linked.append("a", "secret step output")).isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("has 2 names (hard links)");
        assertThat(Files.readString(elsewhere)).isEmpty();

        Files.delete(dir.resolve("outputs.jsonl"));
        Path planted = Files.createFile(dir.resolve("outputs.jsonl"));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rw-rw-rw-"));
        OtherUser.owns(planted);
        StepOutputs foreign = new StepOutputs(safe(), s -> s);
        assertThatThrownBy(() -> foreign.append("a", "secret step output")).isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("belongs to " + OtherUser.UID);
        assertThat(Files.readString(planted)).as("the other user reads nothing of the run's outputs").isEmpty();
    }
}
