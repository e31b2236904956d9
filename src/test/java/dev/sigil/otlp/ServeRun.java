package dev.sigil.otlp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sigil.cli.Environment;
import dev.sigil.cli.SigilCommand;

/** {@code sigil serve} run in-process on a thread of its own: started, its port read from what it prints, stopped by an interrupt. */
final class ServeRun implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+) ");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger code = new AtomicInteger(-1);
    private final Thread thread;
    private int port;

    ServeRun(Map<String, String> env, String... args) throws InterruptedException {
        Environment environment = new Environment(env, new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), false, false);
        thread = new Thread(() -> code.set(SigilCommand.commandLine(environment, new PrintWriter(out), new PrintWriter(err)).execute(args)),
                "serve-under-test");
        thread.start();
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end && thread.isAlive()) {
            Matcher m = LISTENING.matcher(out.toString());
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
                return;
            }
            Thread.sleep(20);
        }
        thread.join(1000);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    boolean listening() {
        return port > 0;
    }

    int stop() throws InterruptedException {
        thread.interrupt();
        thread.join(30_000);
        return code.get();
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (thread.isAlive()) {
            stop();
        }
    }
}
