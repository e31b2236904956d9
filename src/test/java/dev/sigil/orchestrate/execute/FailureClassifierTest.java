package dev.sigil.orchestrate.execute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.sigil.contract.errors.ErrorCategory;

/** Every rule of docs/orchestrate.md's Errors table, one row per exit status or stderr wording. */
class FailureClassifierTest {

    @Test
    void aTimeoutIsTransientAndACommandThatCannotStartIsAConfigurationError() {
        StepFailure timeout = FailureClassifier.timeout("python3 step.py", 2500);
        assertThat(timeout.category()).isEqualTo(ErrorCategory.TRANSIENT);
        assertThat(timeout.errorType()).isEqualTo("TimeoutError");
        assertThat(timeout.getMessage()).isEqualTo("python3 step.py timed out after 2500 ms");

        StepFailure missing = FailureClassifier.notStarted("./nope", "error=2, No such file or directory");
        assertThat(missing.category()).isEqualTo(ErrorCategory.CONFIG);
        assertThat(missing.getMessage()).isEqualTo("cannot run ./nope: error=2, No such file or directory");
    }

    @ParameterizedTest(name = "exit {0} -> {1}")
    @CsvSource({
        "1, LOGIC, StepError",
        "2, LOGIC, StepError",
        "74, LOGIC, StepError",
        "75, TRANSIENT, TemporaryFailure",
        "76, LOGIC, StepError",
        "78, CONFIG, ConfigError",
        "126, CONFIG, FileNotFoundError",
        "127, CONFIG, FileNotFoundError",
        "128, LOGIC, StepError",
        "129, SYSTEM, ProcessKilled",
        "137, SYSTEM, ProcessKilled",
        "143, SYSTEM, ProcessKilled",
        "192, SYSTEM, ProcessKilled",
        "193, LOGIC, StepError",
        "255, LOGIC, StepError",
    })
    void exitStatuses(int status, ErrorCategory category, String errorType) {
        StepFailure f = FailureClassifier.exited("step", status, "");
        assertThat(f.category()).isEqualTo(category);
        assertThat(f.errorType()).isEqualTo(errorType);
        assertThat(f.getMessage()).startsWith("step exited with status " + status);
    }

    @Test
    void aSignalIsNamedAndStderrsLastLineIsPartOfTheMessage() {
        assertThat(FailureClassifier.exited("step", 137, "").getMessage()).isEqualTo("step exited with status 137 (killed by signal 9)");
        assertThat(FailureClassifier.exited("step", 1, "  bad input  ").getMessage()).isEqualTo("step exited with status 1: bad input");
    }

    @Test
    void meaningfulStatusesComeBeforeTheWords() {
        assertThat(FailureClassifier.exited("step", 75, "missing API key").category()).isEqualTo(ErrorCategory.TRANSIENT);
        assertThat(FailureClassifier.exited("step", 78, "request timed out").category()).isEqualTo(ErrorCategory.CONFIG);
        assertThat(FailureClassifier.exited("step", 137, "rate limit").category()).isEqualTo(ErrorCategory.SYSTEM);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "upstream request timeout                         | TRANSIENT",
        "TimeoutError: read timed out                     | TRANSIENT",
        "Rate limit reached for gpt-4                     | TRANSIENT",
        "429 Too Many Requests                            | TRANSIENT",
        "rate-limited, slow down                          | TRANSIENT",
        "missing API key                                  | CONFIG",
        "OPENAI_API_KEY is not set                        | CONFIG",
        "invalid credentials                              | CONFIG",
        "auth failed                                      | CONFIG",
        "AuthenticationError: bad token                   | CONFIG",
        "401 Unauthorized                                 | CONFIG",
        "authorization header missing                     | CONFIG",
        "MemoryError                                      | SYSTEM",
        "java.lang.OutOfMemoryError: Java heap space      | SYSTEM",
        "fork: Cannot allocate memory                     | SYSTEM",
        "OSError: [Errno 28] No space left on device      | SYSTEM",
        "disk quota exceeded                              | SYSTEM",
        "the disk is full                                 | SYSTEM",
        "ValueError: invalid literal for int()            | LOGIC",
        "the authority field is missing                   | LOGIC",
        "written by an unknown author                     | LOGIC",
        "unexpected whitespace at line 3                  | LOGIC",
        "memory store: no match for Acme Corp             | LOGIC",
        "disk usage report is empty                       | LOGIC",
        "namespace not found                              | LOGIC",
    })
    void stderrWords(String lastLine, ErrorCategory category) {
        assertThat(FailureClassifier.exited("step", 1, lastLine).category()).isEqualTo(category);
    }

    @Test
    void timeoutWordsWinOverConfigWordsAndConfigOverSystem() {
        assertThat(FailureClassifier.exited("step", 1, "auth server timed out").category()).isEqualTo(ErrorCategory.TRANSIENT);
        assertThat(FailureClassifier.exited("step", 1, "credential store: disk full").category()).isEqualTo(ErrorCategory.CONFIG);
    }

    @Test
    void onlyConfigAndSystemErrorsAreFatal() {
        assertThat(ErrorCategory.TRANSIENT.isFatal()).isFalse();
        assertThat(ErrorCategory.LOGIC.isFatal()).isFalse();
        assertThat(ErrorCategory.CONFIG.isFatal()).isTrue();
        assertThat(ErrorCategory.SYSTEM.isFatal()).isTrue();
        assertThat(ErrorCategory.TRANSIENT.wireName()).isEqualTo("transient");
    }
}
