package dev.sigil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.sigil.contract.Heap;

/** Entry point of the {@code sigil} launcher. */
public final class Main {

    private static final String OUT_OF_MEMORY = "sigil: out of memory: ";

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(Environment.system(), args);
        if (code != ExitCode.OK || othersRunning()) {
            System.exit(code);
        }
        // Nothing else runs: returning ends the JVM with 0 as System.exit(0) would (the shutdown hooks run), without
        // Runtime.exit's log record, whose set-up (System.Logger's backend, looked for with a ServiceLoader) took
        // about a tenth of a short run's main thread (ADR 0195).
    }

    /** Whether a thread other than this one would keep the JVM alive once main returns. */
    static boolean othersRunning() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        Thread[] threads = new Thread[group.activeCount() + 8];
        int n = group.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            Thread t = threads[i];
            if (t != Thread.currentThread() && t.isAlive() && !t.isDaemon()) {
                return true;
            }
        }
        return n == threads.length; // more than were counted: assume one of them runs
    }

    /** Runs {@code sigil ARGS} in {@code env}; the exit code. Also the AOT cache's training run ({@link AotTraining}). */
    static int run(Environment env, String[] args) {
        if (isVersionOnly(args)) {
            // Building the whole command tree costs more than the JVM's own start (ADR 0044): answer at once, with
            // the same bytes picocli prints for the root's --version.
            return printVersion(env);
        }
        // picocli looks for Groovy's Closure class when it first makes an object: that lookup, which fails, opened
        // the jar (11,000 entries) in a run that otherwise reads everything from the AOT cache (ADR 0195).
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught(thread, e, env.debug()));
        int code;
        try {
            code = SigilCommand.commandLine(env, args.length > 0 ? args[0] : null).execute(args);
        } catch (Error e) {
            if (!isOutOfMemory(e)) {
                throw e; // to the handler above: an internal error
            }
            // Never a stack trace: the commands bound what they hold, so this is a heap too small for the input.
            System.err.println(outOfMemory(e));
            code = ExitCode.USAGE;
        }
        return code;
    }

    /**
     * A failure on a thread of a library (the dashboard's input reader, a timer): one line instead of a stack trace,
     * then the process ends, since what that thread did (reading keys) is gone; the shutdown hooks restore the terminal.
     */
    private static void uncaught(Thread thread, Throwable e, boolean debug) {
        if (isOutOfMemory(e)) {
            System.err.println(outOfMemory(e));
            System.exit(ExitCode.USAGE);
        }
        String what = e.getMessage() == null ? "no message" : e.getMessage();
        System.err.println("sigil: internal error in " + thread.getName() + ": " + what);
        if (debug) {
            e.printStackTrace();
        } else {
            System.err.println("(this is a bug in sigil; run again with SIGIL_DEBUG=1 to see where it happened, and report it)");
        }
        System.exit(ExitCode.INTERNAL);
    }

    /**
     * The one line for an out-of-memory error: the heap's size and a larger one to ask for, and, when what ran out is
     * not the heap of objects (direct buffers, threads, class metadata), the JVM's own words for it, so that the advice
     * can be weighed and the cause found.
     */
    static String outOfMemory(Throwable e) {
        String what = null;
        for (Throwable t = e; t != null && what == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                what = t.getMessage();
            }
        }
        boolean heap = what == null || what.isBlank() || what.equals("Java heap space");
        return OUT_OF_MEMORY + (heap ? "" : "(" + what.strip() + ") ") + Heap.tooSmall();
    }

    /**
     * Whether {@code e} comes of a heap too small: an {@code OutOfMemoryError}, or a class that could not be
     * initialized because the heap ran out while it was (the JVM then reports the class, on every later use, with the
     * original error named in the message of a cause, not as the error itself).
     */
    static boolean isOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError
                    || t instanceof LinkageError && t.getMessage() != null && t.getMessage().contains("java.lang.OutOfMemoryError")) {
                return true;
            }
        }
        return false;
    }

    static boolean isVersionOnly(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    static int printVersion(Environment env) {
        StringBuilder text = new StringBuilder();
        for (String line : new VersionProvider().getVersion()) {
            text.append(line).append(System.lineSeparator());
        }
        try {
            env.stdout().write(text.toString().getBytes(StandardCharsets.UTF_8));
            env.stdout().flush();
            return ExitCode.OK;
        } catch (IOException e) {
            return ExitCode.OK; // a closed stdout ends quietly, as for every command
        }
    }
}
