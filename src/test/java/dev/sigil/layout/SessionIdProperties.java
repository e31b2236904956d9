package dev.sigil.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A session id is accepted exactly when it matches the contract's pattern, and an accepted id names one directory. */
class SessionIdProperties {

    @Provide
    Arbitrary<String> candidates() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("aZ09_-./\\ \n\u0000\u00e9:~").ofMaxLength(70),
                Arbitraries.strings().withChars("abcXYZ019_-").ofMinLength(60).ofMaxLength(70),
                Arbitraries.strings().all().ofMaxLength(10));
    }

    @Property(tries = 2000)
    void theByteFormAgreesWithTheTextForm(@ForAll("candidates") String s) {
        byte[] b = ("xx" + s + "yy").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int end = b.length - 2;
        assertThat(SessionId.isValid(b, 2, end)).isEqualTo(SessionId.isValid(s));
    }

    @Property(tries = 2000)
    void acceptedExactlyWhenThePatternMatchesAndThenNamesOneDirectory(@ForAll("candidates") String s) {
        boolean valid = s.matches("[A-Za-z0-9_-]{1,64}");
        assertThat(SessionId.isValid(s)).isEqualTo(valid);
        if (valid) {
            Path sessions = Path.of("/logs/sessions");
            Path dir = sessions.resolve(SessionId.of(s).value()).normalize();
            assertThat(dir.getParent()).isEqualTo(sessions);
            assertThat(dir.getFileName().toString()).isEqualTo(s);
        } else {
            assertThatThrownBy(() -> SessionId.of(s)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a session id is 1 to 64 characters from A-Z a-z 0-9 _ -").hasMessageNotContaining("\n");
        }
    }
}
