package dev.sigil.monitor.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The state's lists keep the newest items that fit by count and by bytes, whatever the batches. */
class RingProperties {

    /** What a ring must hold: the longest run of newest items within both bounds (the newest always). */
    private static List<Integer> expected(List<Integer> all, int capacity, long maxBytes) {
        List<Integer> out = new ArrayList<>();
        long bytes = 0;
        for (int i = all.size() - 1; i >= 0 && out.size() < capacity; i--) {
            int w = all.get(i);
            if (!out.isEmpty() && bytes + w > maxBytes) {
                break;
            }
            bytes += w;
            out.add(0, w);
        }
        return out;
    }

    @Property
    void keepsTheNewestItemsWithinItsCountAndItsBytes(
            @ForAll @Size(max = 12) List<@Size(max = 30) List<@IntRange(min = 1, max = 500) Integer>> batches,
            @ForAll @IntRange(min = 1, max = 40) int capacity, @ForAll @IntRange(min = 1, max = 3000) int maxBytes) {
        Ring<Integer> ring = Ring.empty(capacity, maxBytes, Integer::longValue);
        List<Integer> all = new ArrayList<>();
        for (List<Integer> batch : batches) {
            ring = ring.appendAll(batch);
            all.addAll(batch);
            List<Integer> want = expected(all, capacity, maxBytes);
            assertThat(ring.items()).isEqualTo(want);
            assertThat(ring.bytes()).isEqualTo(want.stream().mapToLong(Integer::longValue).sum());
            assertThat(ring.total()).isEqualTo(all.size());
        }
    }
}
