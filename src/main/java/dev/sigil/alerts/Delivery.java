package dev.sigil.alerts;

import java.io.Closeable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Runs the actions of the alerts that fire, in the rule's order: the lines, the log entry, the bell and the stop at
 * once on the caller's thread (they do not wait on anything outside); commands and webhooks on one worker thread of
 * their own, in the order the alerts fired, so that a slow command or a stalled receiver never holds up the run or
 * the reading. The worker's queue is bounded by bytes; an alert that finds it full, that a rule's rate limit holds
 * back, or whose tries all failed is said ({@link Out#note}): every alert is delivered, or said not to be.
 */
public final class Delivery implements Closeable {

    /** Bytes of alert JSON waiting for the worker, at most (a few thousand alerts). */
    static final long MAX_QUEUED_BYTES = 4L << 20;

    /** Where the actions go. Only the printing is required; a caller without a log, a bell or a run says so. */
    public interface Out {
        void stdout(String line);

        void stderr(String line);

        /** Something about an action the user should know (a failure, an alert not sent). */
        void note(String text);

        /** The {@code log} action: writes {@code a}'s alert entry to its session's log. */
        default void log(Alert a) {
            note("rule " + a.rule().name() + ": the log action writes to a session's log, and this command writes no log");
        }

        /** The {@code bell} action (the dashboard rings the terminal's bell). */
        default void bell(Alert a) {
        }

        /** The {@code stop} action (orchestrate stops the run before its next step). */
        default void stop(Alert a) {
        }

        /** A webhook's alert was answered with 2xx. */
        default void delivered(Alert a, Rule.Action action) {
        }
    }

    private record Job(Alert alert, Rule.Action action, long bytes) {
    }

    private final Out out;
    private final LongSupplier millis;
    private final Deque<Job> queue = new ArrayDeque<>();
    private final Map<String, Deque<Long>> posts = new HashMap<>();
    private long queuedBytes;
    private Thread worker;
    private Webhook webhook;
    private boolean closing;
    private long undelivered;

    /** @param millis wall time, for the rate limits */
    public Delivery(Out out, LongSupplier millis) {
        this.out = out;
        this.millis = millis;
    }

    public Delivery(Out out) {
        this(out, System::currentTimeMillis);
    }

    /** Runs the actions of {@code a}. */
    public void deliver(Alert a) {
        for (Rule.Action action : a.rule().actions()) {
            switch (action.kind()) {
                case STDOUT -> out.stdout(AlertText.text(a));
                case STDERR -> out.stderr(AlertText.text(a));
                case STDOUT_JSON -> out.stdout(AlertText.json(a));
                case STDERR_JSON -> out.stderr(AlertText.json(a));
                case LOG -> out.log(a);
                case BELL -> out.bell(a);
                case STOP -> out.stop(a);
                case COMMAND, WEBHOOK -> enqueue(a, action);
            }
        }
    }

    /** Alerts of commands and webhooks said not to have been delivered, so far. */
    public synchronized long undelivered() {
        return undelivered;
    }

    private synchronized void enqueue(Alert a, Rule.Action action) {
        long bytes = AlertText.json(a).length() + 64L;
        if (closing || queuedBytes + bytes > MAX_QUEUED_BYTES) {
            notSent(a, action, closing ? "sigil is stopping" : "more than " + (MAX_QUEUED_BYTES >> 20) + " MiB of alerts are waiting");
            return;
        }
        queue.add(new Job(a, action, bytes));
        queuedBytes += bytes;
        if (worker == null) {
            worker = new Thread(this::work, "sigil-alert-delivery");
            worker.setDaemon(true);
            worker.start();
        }
        notifyAll();
    }

    private void work() {
        while (true) {
            Job job;
            synchronized (this) {
                while (queue.isEmpty() && !closing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                job = queue.poll();
                queuedBytes -= job.bytes();
            }
            try {
                run(job);
            } catch (InterruptedException e) {
                synchronized (this) {
                    notSent(job.alert(), job.action(), "sigil stopped before it was sent");
                    queue.forEach(j -> notSent(j.alert(), j.action(), "sigil stopped before it was sent"));
                    queue.clear();
                }
                return;
            }
        }
    }

    private void run(Job job) throws InterruptedException {
        Alert a = job.alert();
        Rule.Action action = job.action();
        if (action.kind() == Rule.Action.Kind.COMMAND) {
            CommandAction.run(action, a).ifPresent(why -> out.note("rule " + a.rule().name() + ": command " + action.command().get(0) + " " + why));
            return;
        }
        Optional<String> limited = rateLimited(a.rule().name(), action.webhook());
        if (limited.isPresent()) {
            notSent(a, action, limited.get());
            return;
        }
        if (webhook == null) {
            webhook = new Webhook();
        }
        String body = action.webhook().slack() ? AlertText.slack(a) : AlertText.json(a);
        Optional<String> failed = webhook.post(action, key(a), body);
        if (failed.isPresent()) {
            notSent(a, action, failed.get());
        } else {
            out.delivered(a, action);
        }
    }

    /** Names one alert: its rule, session, and the line that fired it. */
    static String key(Alert a) {
        return a.rule().name() + "/" + a.sessionId() + "/" + a.timestamp() + "/" + a.file() + ":" + a.line();
    }

    /** Why the rule's limit holds this post back, if it does; else the post is counted. */
    private Optional<String> rateLimited(String rule, Rule.Hook hook) {
        if (hook.rateCount() <= 0) {
            return Optional.empty();
        }
        long now = millis.getAsLong();
        Deque<Long> times = posts.computeIfAbsent(rule, k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() <= now - hook.ratePerMillis()) {
            times.pollFirst();
        }
        if (times.size() >= hook.rateCount()) {
            return Optional.of("held back by the rule's rate limit of " + hook.rateCount() + " per " + per(hook.ratePerMillis()));
        }
        times.addLast(now);
        return Optional.empty();
    }

    private static String per(long millis) {
        return millis == 1_000 ? "second" : millis == 60_000 ? "minute" : "hour";
    }

    private synchronized void notSent(Alert a, Rule.Action action, String why) {
        undelivered++;
        String what = action.kind() == Rule.Action.Kind.WEBHOOK ? "webhook " + action.webhook().url() : "command " + action.command().get(0);
        out.note("rule " + a.rule().name() + ": " + what + ": alert of " + (a.timestamp().isEmpty() ? "a line" : a.timestamp())
                + " not sent: " + why);
    }

    /**
     * Lets the worker finish what is queued, for at most {@code waitMillis}; what is still waiting then is said not
     * to have been sent.
     */
    public void close(long waitMillis) {
        Thread w;
        synchronized (this) {
            closing = true;
            notifyAll();
            w = worker;
        }
        if (w == null) {
            return;
        }
        try {
            w.join(Math.max(1, waitMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (w.isAlive()) {
            w.interrupt();
            try {
                w.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Job> left;
        synchronized (this) {
            left = new ArrayList<>(queue);
            queue.clear();
        }
        left.forEach(j -> notSent(j.alert(), j.action(), "sigil stopped before it was sent"));
    }

    /** Waits up to a minute for what is queued. */
    @Override
    public void close() {
        close(60_000);
    }
}
