package dev.sigil.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The raw tailer ({@link Tailer#raw}): the same follower, each complete line's bytes handed out undecoded (blank,
 * malformed and invalid UTF-8 lines too), through rotations into parts; a line over the bound and a file change come
 * as events.
 */
class RawTailerTest {

    private final MemoryTailSource source = new MemoryTailSource("log");
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<TailEvent> events = new ArrayList<>();
    private final List<Long> offsets = new ArrayList<>();

    private Tailer tailer(TailOptions options) {
        return Tailer.raw(source, options, new RawLineListener() {
            @Override
            public void line(String name, long number, long offset, byte[] b, int from, int to) {
                offsets.add(offset);
                bytes.write(b, from, to - from);
                bytes.write('\n');
            }

            @Override
            public void onEvent(TailEvent event) {
                events.add(event);
            }
        });
    }

    @Test
    void everyLineComesAsItIsAcrossRotations() {
        MemoryTailSource.File a = source.create();
        byte[] odd = {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, '"', '}'};
        a.append("{\"a\":1}\n\n  not json\n");
        a.append(odd);
        a.append("\n");
        try (Tailer t = tailer(TailOptions.defaults().withPartsFirst(true))) {
            t.poll();
            source.rotateToPart();
            MemoryTailSource.File b = source.create();
            b.append("{\"b\":2}\n{\"partial\":");
            t.poll();
            t.poll();
            assertThat(t.stats().lines()).isEqualTo(5);
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("{\"a\":1}\n\n  not json\n".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(odd);
        expected.writeBytes("\n{\"b\":2}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(bytes.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(offsets).containsExactly(0L, 8L, 9L, 20L, 0L);
        assertThat(events).anyMatch(e -> e instanceof TailEvent.FileChanged c && c.change() == TailEvent.Change.ROTATED);
    }

    @Test
    void aLineOverTheBoundIsAnEventWithItsLength() {
        MemoryTailSource.File a = source.create();
        a.append("{\"a\":1}\n" + "x".repeat(100) + "\n{\"c\":3}\n");
        try (Tailer t = tailer(TailOptions.defaults().withMaxLineBytes(50))) {
            t.readAll();
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n{\"c\":3}\n");
        assertThat(events).singleElement().satisfies(e -> {
            TailEvent.Skipped s = (TailEvent.Skipped) e;
            assertThat(s.reason()).isEqualTo(SkipReason.TOO_LONG);
            assertThat(s.offset()).isEqualTo(8);
            assertThat(s.length()).isEqualTo(100);
        });
    }
}
