package dev.sigil.remote.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.event.Level;

/** The pure pieces of the server: the send window, the token, offsets and the seed stream's filter. */
class SendWindowTest {

    @Test
    void theWindowHoldsAtMostItsCapacityAndSaysNoToAStalledClient() throws Exception {
        SendWindow w = new SendWindow(100, 200);
        assertThat(w.reserve(60)).isTrue();
        assertThat(w.reserve(500)).as("a message larger than the window goes alone only when nothing is in flight").isFalse();
        w.release(60);
        assertThat(w.reserve(500)).isTrue();
        assertThat(w.inFlight()).isEqualTo(500);
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            w.release(500);
        });
        releaser.start();
        assertThat(w.reserve(10)).as("room made while waiting").isTrue();
        releaser.join();
        w.close();
        assertThat(w.reserve(1)).isFalse();
    }

    @Test
    void theTokenIsRequiredFromHeaderOrQuery() {
        Access open = new Access(null);
        assertThat(open.allows(null, null)).isTrue();
        Access a = new Access("s3cret");
        assertThat(a.allows("Bearer s3cret", null)).isTrue();
        assertThat(a.allows(null, "s3cret")).isTrue();
        assertThat(a.allows("Bearer s3cre", null)).isFalse();
        assertThat(a.allows("Basic s3cret", null)).isFalse();
        assertThat(a.allows(null, null)).isFalse();
        assertThat(a.allows(null, "")).isFalse();
    }

    @Test
    void offsetsAreDigitsOnly() throws Exception {
        assertThat(Offsets.parse(null)).isZero();
        assertThat(Offsets.parse("")).isZero();
        assertThat(Offsets.parse("123")).isEqualTo(123);
        for (String bad : new String[] {"-1", "1e3", "0x10", " 1", "1234567890123456789", "x".repeat(60)}) {
            try {
                Offsets.parse(bad);
                throw new AssertionError(bad + " was taken");
            } catch (SessionLogs.Refused r) {
                assertThat(r.getMessage()).startsWith("the offset must be a number of bytes");
            }
        }
    }

    @Test
    void theSeedFilterTakesComponentsAndLevels() {
        assertThat(SeedFilter.components(" reasoning, ,planner ")).containsExactlyInAnyOrder("reasoning", "planner");
        assertThat(SeedFilter.components(null)).isEmpty();
        SeedFilter all = SeedFilter.all(Set.of());
        assertThat(all.withLevels(Set.of()).levels()).hasSize(Level.values().length);
        assertThat(all.withLevels(Set.of(Level.ERROR)).levels()).containsExactly(Level.ERROR);
    }
}
