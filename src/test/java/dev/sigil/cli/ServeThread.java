package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code sigil serve} run in-process on a thread of its own until interrupted, as Ctrl-C stops it, for tests. */
final class ServeThread {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile int code = -1;

    private ServeThread(Map<String, String> env, String... args) {
        thread = new Thread(() -> {
            Environment e = new Environment(env, new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), false, false);
            code = SigilCommand.commandLine(e, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        }, "serve");
    }

    /** Starts {@code sigil ARGS} and waits until it says the port it listens on ({@code scheme://127.0.0.1:PORT}). */
    static ServeThread start(Map<String, String> env, String scheme, String... args) throws InterruptedException {
        ServeThread s = new ServeThread(env, args);
        s.thread.start();
        Matcher port = s.port(scheme);
        for (int i = 0; i < 500 && !port.reset(s.out.toString()).find(); i++) {
            Thread.sleep(20);
        }
        assertThat(port.reset(s.out.toString()).find()).as(s.out + s.err.toString()).isTrue();
        return s;
    }

    private Matcher port(String scheme) {
        return Pattern.compile(Pattern.quote(scheme) + "://127\\.0\\.0\\.1:(\\d+)").matcher(out.toString());
    }

    /** The port it listens on. */
    int port() {
        Matcher m = Pattern.compile("://127\\.0\\.0\\.1:(\\d+)").matcher(out.toString());
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Stops it as Ctrl-C does; its exit code. */
    int stop() throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
        return code;
    }

    String err() {
        return err.toString();
    }
}
