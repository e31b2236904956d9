package dev.sigil.remote.serve;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.remote.follow.RemoteFollower;

/** What a follower received: its bytes in order, the offsets said with them, and its notes. Thread-safe. */
final class Collected implements RemoteFollower.Sink {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<String> notes = new ArrayList<>();
    /** Offsets that did not continue where the bytes before ended (a line lost or doubled would show here). */
    final List<String> gaps = new ArrayList<>();

    @Override
    public synchronized void lines(byte[] b, long offset) {
        if (offset != bytes.size()) {
            gaps.add("got offset " + offset + " after " + bytes.size() + " bytes");
        }
        bytes.write(b, 0, b.length);
    }

    @Override
    public synchronized void note(String text) {
        notes.add(text);
    }

    synchronized int size() {
        return bytes.size();
    }

    synchronized byte[] bytes() {
        return bytes.toByteArray();
    }
}
