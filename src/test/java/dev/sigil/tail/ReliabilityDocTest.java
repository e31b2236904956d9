package dev.sigil.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every test docs/reliability.md names exists: the table cannot point at a test that was renamed or removed. */
class ReliabilityDocTest {

    @Test
    void everyNamedTestExists() throws IOException, ClassNotFoundException {
        String doc = Files.readString(Path.of("docs/reliability.md"));
        Matcher m = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|Properties|IT))(?:\\.([a-z][A-Za-z0-9]*))?`").matcher(doc);
        int found = 0;
        while (m.find()) {
            Class<?> test = find(m.group(1));
            if (m.group(2) != null) {
                String method = m.group(2);
                assertThat(Arrays.stream(test.getDeclaredMethods()).map(Method::getName)).as("%s.%s", m.group(1), method).contains(method);
            }
            found++;
        }
        assertThat(found).isGreaterThan(20);
    }

    private static Class<?> find(String simpleName) throws ClassNotFoundException {
        for (String pkg : new String[] {"dev.sigil.tail", "dev.sigil.print", "dev.sigil.text", "dev.sigil.layout", "dev.sigil.cli", "dev.sigil.log", "dev.sigil.log.maintenance",
            "dev.sigil.log.sanitize", "dev.sigil.monitor", "dev.sigil.orchestrate", "dev.sigil.reliability",
            "dev.sigil.monitor.state", "dev.sigil.tokens", "dev.sigil.contract", "dev.sigil.contract.codec", "dev.sigil.build", "dev.sigil.otlp",
            "dev.sigil.remote", "dev.sigil.remote.serve"}) {
            try {
                return Class.forName(pkg + "." + simpleName);
            } catch (ClassNotFoundException e) {
                // next package
            }
        }
        throw new ClassNotFoundException(simpleName + " (named in docs/reliability.md)");
    }
}
