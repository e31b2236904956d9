package dev.sigil.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines that start a JVM of their own: a class of the test class path, or the packaged sigil jar. */
final class JavaChild {

    /** Options that make a short-lived child start quickly; none changes what it does. */
    private static final List<String> QUICK_START = List.of("-XX:-UsePerfData", "-Xshare:auto", "-XX:TieredStopAtLevel=1");

    private JavaChild() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java ... mainClass args}, on the test class path. */
    static List<String> main(Class<?> mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(QUICK_START);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * {@code java -Xmx<heap> -XX:+UseSerialGC -jar sigil.jar args} (the jar failsafe hands over as {@code sigil.jar}),
     * with the collector {@code scripts/sigil} gives every command: the memory bounds are those of what users run. (With
     * the JVM's default collector, G1, a 64 MiB heap holds a 16 MiB line's array only in 17 free regions side by side,
     * which G1 cannot always make, since it never moves such arrays: validate then ran out of memory now and then.)
     */
    static List<String> sigil(String heap, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx" + heap, "-XX:+UseSerialGC"));
        cmd.addAll(QUICK_START);
        cmd.addAll(List.of("-Duser.language=en", "-Duser.country=US", "-Dfile.encoding=UTF-8", "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static Path jar() {
        String jar = System.getProperty("sigil.jar");
        if (jar == null) {
            throw new AssertionError("no sigil.jar system property: run this test through failsafe (./mvnw verify)");
        }
        return Path.of(jar);
    }
}
