package dev.sigil.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The flush rules, driven by a simulated clock: a writer that sleeps exactly as long as the policy says, fed random
 * arrivals, must flush every entry once, in order, within one interval of its arrival, never before a threshold is
 * reached, and never let a batch grow past a threshold by more than one entry.
 */
class FlushPolicyProperties {

    /** An entry of {@code size} bytes arriving {@code gapNanos} after the previous one. */
    record Arrival(int size, long gapNanos) {
    }

    record Flush(List<Integer> ids, long bytes, long ageNanos, int lastSize, FlushPolicy.Reason reason) {
    }

    @Provide
    Arbitrary<List<Arrival>> arrivals() {
        Arbitrary<Integer> sizes = Arbitraries.oneOf(Arbitraries.integers().between(1, 300), Arbitraries.integers().between(1, 10_000));
        Arbitrary<Long> gaps = Arbitraries.oneOf(Arbitraries.longs().between(0, 2_000_000), Arbitraries.longs().between(0, 300_000_000));
        return Combinators.combine(sizes, gaps).as(Arrival::new).list().ofMinSize(1).ofMaxSize(400);
    }

    @Property(tries = 300)
    void everyEntryIsFlushedOnceInOrderWithinOneIntervalAndNeverEarly(@ForAll("arrivals") List<Arrival> arrivals,
                                                                     @ForAll @IntRange(min = 64, max = 8192) int maxBytes,
                                                                     @ForAll @IntRange(min = 1, max = 120) int maxEntries,
                                                                     @ForAll @LongRange(min = 1_000_000, max = 200_000_000) long interval,
                                                                     @ForAll @LongRange(min = Long.MAX_VALUE - 1_000_000_000L) long start) {
        FlushPolicy policy = new FlushPolicy(maxBytes, maxEntries, interval);
        List<Flush> flushes = new ArrayList<>();
        long[] arrivedAt = new long[arrivals.size()];
        long[] flushedAt = new long[arrivals.size()];
        simulate(policy, arrivals, start, arrivedAt, flushedAt, flushes);

        List<Integer> order = flushes.stream().flatMap(f -> f.ids().stream()).toList();
        assertThat(order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, arrivals.size()).boxed().toList());
        for (int i = 0; i < arrivals.size(); i++) {
            assertThat(flushedAt[i] - arrivedAt[i]).as("wait of entry %d", i).isBetween(0L, interval);
        }
        for (int i = 0; i < flushes.size(); i++) {
            Flush f = flushes.get(i);
            boolean last = i == flushes.size() - 1;
            assertThat(f.reason() != FlushPolicy.Reason.NONE || last).as("flush %d happened without a reason", i).isTrue();
            assertThat(f.ids().size()).isLessThanOrEqualTo(maxEntries);
            assertThat(f.bytes() - f.lastSize()).as("bytes before the last entry").isLessThan(maxBytes);
            assertThat(f.ageNanos()).isLessThanOrEqualTo(interval);
        }
    }

    /** The writer loop's decisions, with time advanced to exactly the next arrival or the moment the batch is due. */
    private static void simulate(FlushPolicy policy, List<Arrival> arrivals, long start, long[] arrivedAt, long[] flushedAt, List<Flush> out) {
        long now = start;
        List<Integer> batch = new ArrayList<>();
        long bytes = 0;
        long first = 0;
        int lastSize = 0;
        int next = 0;
        long nextArrival = start + arrivals.get(0).gapNanos();
        while (next < arrivals.size() || !batch.isEmpty()) {
            long wait = policy.nanosUntilDue(bytes, batch.size(), first, now);
            if (next < arrivals.size() && nextArrival - now <= wait) {
                now = nextArrival;
                if (batch.isEmpty()) {
                    first = now;
                }
                batch.add(next);
                arrivedAt[next] = now;
                lastSize = arrivals.get(next).size();
                bytes += lastSize;
                next++;
                if (next < arrivals.size()) {
                    nextArrival = now + arrivals.get(next).gapNanos();
                }
            } else if (next >= arrivals.size() && wait == Long.MAX_VALUE) {
                break;
            } else {
                now += wait;
            }
            FlushPolicy.Reason reason = policy.reason(bytes, batch.size(), first, now);
            boolean closing = next >= arrivals.size() && reason == FlushPolicy.Reason.NONE && wait == Long.MAX_VALUE;
            if (reason != FlushPolicy.Reason.NONE || closing) {
                for (int id : batch) {
                    flushedAt[id] = now;
                }
                out.add(new Flush(List.copyOf(batch), bytes, now - first, lastSize, reason));
                batch.clear();
                bytes = 0;
            }
        }
    }

    @Property
    void waitingExactlyTheAnnouncedTimeMakesTheBatchDueAndNotBefore(@ForAll @IntRange(min = 1, max = 99) int entries,
                                                                   @ForAll @LongRange(min = 0, max = 99_999_999) long age,
                                                                   @ForAll long first) {
        FlushPolicy policy = new FlushPolicy(4096, 100, 100_000_000);
        long now = first + age;
        long wait = policy.nanosUntilDue(10, entries, first, now);
        assertThat(wait).isEqualTo(100_000_000 - age);
        assertThat(policy.due(10, entries, first, now + wait - 1)).isFalse();
        assertThat(policy.reason(10, entries, first, now + wait)).isEqualTo(FlushPolicy.Reason.AGE);
    }

    @Property
    void thresholdsComeBeforeAgeAndAnEmptyBatchIsNeverDue(@ForAll @LongRange(min = 0, max = 100_000) long bytes,
                                                         @ForAll @IntRange(min = 0, max = 200) int entries,
                                                         @ForAll long first) {
        FlushPolicy policy = new FlushPolicy(4096, 100, 100_000_000);
        FlushPolicy.Reason r = policy.reason(bytes, entries, first, first);
        if (entries == 0) {
            assertThat(r).isEqualTo(FlushPolicy.Reason.NONE);
            assertThat(policy.nanosUntilDue(bytes, entries, first, first)).isEqualTo(Long.MAX_VALUE);
        } else if (bytes >= 4096) {
            assertThat(r).isEqualTo(FlushPolicy.Reason.BYTES);
        } else if (entries >= 100) {
            assertThat(r).isEqualTo(FlushPolicy.Reason.ENTRIES);
        } else {
            assertThat(r).isEqualTo(FlushPolicy.Reason.NONE);
        }
    }
}
