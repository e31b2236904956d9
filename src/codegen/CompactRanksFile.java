import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes cl100k_base's compact rank table into the jar's classes (ADR 0265): {@code dev.sigil.tokens.CompactRanks}
 * compiles jtokkit's copy of tiktoken's ranks (on the class path) into the form it reads at start, so that a start
 * inserts nothing. The format has one home, that class; its {@code compile} is package-private (the tokens package
 * exports no file format), hence the reflection. {@code CompactRanksTest} compares the file with a fresh compile.
 *
 *   java -cp CLASSPATH src/codegen/CompactRanksFile.java OUT_FILE
 */
public final class CompactRanksFile {

    private CompactRanksFile() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> ranks = Class.forName("dev.sigil.tokens.CompactRanks");
        Method compile = ranks.getDeclaredMethod("compile", BufferedReader.class);
        compile.setAccessible(true);
        String source = (String) field(ranks, "SOURCE");
        byte[] bytes;
        try (InputStream in = ranks.getResourceAsStream(source)) {
            if (in == null) {
                throw new IllegalStateException("jtokkit's " + source + " is not on the class path");
            }
            bytes = (byte[]) compile.invoke(null, new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        Files.write(out, bytes);
        System.out.println("cl100k_base compact ranks: " + bytes.length + " bytes in " + out);
    }

    private static Object field(Class<?> type, String name) throws ReflectiveOperationException {
        var f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }
}
