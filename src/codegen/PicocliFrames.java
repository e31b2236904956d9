import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Writes picocli's classes into the jar's classes as Java 8 class files with stack map frames (computed by ASM),
 * the same code otherwise. picocli is compiled for Java 5: the JVM verifies such classes with its old, slow
 * verifier, and neither a CDS archive nor JDK 25's AOT cache can hold them (nor any class that implements one of
 * their interfaces), so every command spent most of its start loading about 170 of them from the jar (ADR 0160).
 *
 *   java -cp ASM_JAR src/codegen/PicocliFrames.java PICOCLI_JAR OUT_DIR
 */
public final class PicocliFrames {

    private PicocliFrames() {
    }

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int n = 0;
        try (JarFile in = new JarFile(jar.toFile());
                URLClassLoader types = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                if (!entry.getName().startsWith("picocli/") || !entry.getName().endsWith(".class")) {
                    continue;
                }
                byte[] original;
                try (InputStream s = in.getInputStream(entry)) {
                    original = s.readAllBytes();
                }
                write(out.resolve(entry.getName()), withFrames(original, types));
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalStateException("no picocli classes in " + jar);
        }
        System.out.println("picocli: " + n + " classes with stack map frames in " + out);
    }

    /** The class as version 52 with frames; ASM resolves the common super types of frames through {@code types}. */
    static byte[] withFrames(byte[] original, ClassLoader types) {
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return types;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Math.max(version, Opcodes.V1_8), access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /** Writes only what changed, so that an unchanged build leaves the files (and the jar's inputs) as they were. */
    private static void write(Path target, byte[] bytes) throws IOException {
        if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
    }
}
