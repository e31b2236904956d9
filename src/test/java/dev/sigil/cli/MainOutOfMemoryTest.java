package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;

/**
 * The launcher's last word on an error no command caught: a heap too small is said as such, also when the JVM
 * reports it as a class that could not be initialized (issue 11: the dashboard's input thread died with a raw
 * {@code NoClassDefFoundError} once the heap had run out while one of its classes was being initialized). The errors
 * here are the JVM's own, raised by real class initialization.
 */
class MainOutOfMemoryTest {

    /** A class whose initialization runs out of memory, as a large static table would on a full heap. */
    static final class Hungry {
        static final long[] TABLE = allocate();

        private static long[] allocate() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    /** A class whose initialization fails for another reason. */
    static final class Broken {
        static final int VALUE = fail();

        private static int fail() {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void aClassThatRanOutOfMemoryWhileInitializedIsOutOfMemoryEveryTimeItIsUsed() {
        Throwable first = catchThrowable(() -> assertThat(Hungry.TABLE).isNull());
        Throwable later = catchThrowable(() -> assertThat(Hungry.TABLE).isNull());

        assertThat(first).isInstanceOf(OutOfMemoryError.class);
        assertThat(later).isInstanceOf(NoClassDefFoundError.class).isNotInstanceOf(OutOfMemoryError.class);
        assertThat(Main.isOutOfMemory(first)).isTrue();
        assertThat(Main.isOutOfMemory(later)).as("the JVM's later report of the same failure: %s", later).isTrue();
        assertThat(Main.isOutOfMemory(new RuntimeException("wrapped", later))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        Throwable first = catchThrowable(() -> assertThat(Broken.VALUE).isZero());
        Throwable later = catchThrowable(() -> assertThat(Broken.VALUE).isZero());

        assertThat(first).isInstanceOf(ExceptionInInitializerError.class);
        assertThat(later).isInstanceOf(NoClassDefFoundError.class);
        assertThat(Main.isOutOfMemory(first)).isFalse();
        assertThat(Main.isOutOfMemory(later)).isFalse();
        assertThat(Main.isOutOfMemory(new IllegalStateException("OutOfMemoryError in a message of a bug"))).isFalse();
    }

    @Test
    void theLineSaysWhatRanOutWhenItIsNotTheHeapOfObjects() {
        Throwable heap = catchThrowable(() -> assertThat(new long[Integer.MAX_VALUE - 16]).isNull());
        Throwable direct = catchThrowable(() -> assertThat(java.nio.ByteBuffer.allocateDirect(Integer.MAX_VALUE)).isNull());

        assertThat(heap).isInstanceOf(OutOfMemoryError.class);
        assertThat(direct).isInstanceOf(OutOfMemoryError.class);
        assertThat(Main.outOfMemory(heap)).startsWith("sigil: out of memory: the JVM's heap of ")
                .contains("SIGIL_JAVA_OPTS=-Xmx").doesNotContain("(");
        assertThat(Main.outOfMemory(new IllegalStateException("wrapped", direct)))
                .startsWith("sigil: out of memory: (" + direct.getMessage() + ") the JVM's heap of ")
                .contains("direct buffer memory").doesNotContain("Error", "java.");
    }
}
