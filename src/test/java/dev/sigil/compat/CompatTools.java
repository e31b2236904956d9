package dev.sigil.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

/**
 * The real tools the cross-language tests need: where they are, which versions, and a failure saying what to install
 * when one is missing. A compat test never passes by skipping.
 */
public final class CompatTools {

    /** Versions the compat tests were verified with (compat-tests/README.md). */
    public static final String PINNED_PYTHON = "3.11.7";
    public static final String PINNED_JSONSCHEMA = "4.26.0";
    public static final String PINNED_JQ = "1.6";

    private static final String INSTALL_PYTHON = "install CPython 3.8 or newer as 'python3' with the jsonschema package "
            + "(Debian/Ubuntu: apt-get install python3 python3-jsonschema; or: python3 -m pip install jsonschema; "
            + ".ci/run does it from the local wheels)";
    private static final String INSTALL_JQ = "install jq 1.6 or newer as 'jq' (Debian/Ubuntu: apt-get install jq)";

    private CompatTools() {
    }

    /** The repository root (tests run with the project directory as working directory). */
    public static Path root() {
        String home = System.getProperty("sigil.home");
        return (home != null ? Path.of(home) : Path.of("")).toAbsolutePath();
    }

    public static Path oracleScript() {
        return root().resolve("compat-tests/python/oracle.py");
    }

    public static Path jqValidator() {
        return root().resolve("compat-tests/jq/validate-entry.jq");
    }

    public static Path schema() {
        return root().resolve("contract/execution-entry.schema.json");
    }

    /** The jq version ("1.6"), or a failure saying what to install. */
    public static String jqVersion() {
        String out = run(List.of("jq", "--version"), INSTALL_JQ).trim();
        Matcher m = Pattern.compile("jq-(\\d+\\.\\d+(?:\\.\\d+)?)").matcher(out);
        if (!m.find()) {
            throw new AssertionError("cannot read the jq version from '" + out + "'; " + INSTALL_JQ);
        }
        String version = m.group(1);
        if (compare(version, "1.6") < 0) {
            throw new AssertionError("jq " + version + " is too old; " + INSTALL_JQ);
        }
        report("jq", version, PINNED_JQ);
        return version;
    }

    /** Checks that python3 runs at all (the oracle itself reports the versions it has). */
    static void requirePython() {
        run(List.of("python3", "-c", "import sys; assert sys.version_info >= (3, 8), sys.version"), INSTALL_PYTHON);
    }

    /** Called by the oracle with what it found: fails when something is missing or too old, records the versions. */
    static void checkPythonVersions(String pythonVersion, String jsonschemaVersion) {
        if ("missing".equals(jsonschemaVersion)) {
            throw new AssertionError("python3 has no jsonschema package; " + INSTALL_PYTHON);
        }
        if (compare(jsonschemaVersion, "4.0") < 0) {
            throw new AssertionError("jsonschema " + jsonschemaVersion + " is too old (4.0 or newer); " + INSTALL_PYTHON);
        }
        report("CPython", pythonVersion, PINNED_PYTHON);
        report("jsonschema", jsonschemaVersion, PINNED_JSONSCHEMA);
    }

    private static void report(String tool, String found, String pinned) {
        // Printed into the test output on purpose: the record of which oracle decided.
        System.out.println("compat: " + tool + " " + found + (found.equals(pinned) ? " (the pinned version)"
                : " (WARNING: compat-tests/README.md pins " + pinned + "; verdicts were verified with that version)"));
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? leadingInt(x[i]) : 0;
            int q = i < y.length ? leadingInt(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static int leadingInt(String s) {
        Matcher m = Pattern.compile("^\\d+").matcher(s);
        return m.find() ? Integer.parseInt(m.group()) : 0;
    }

    private static String run(List<String> command, String install) {
        try {
            ProcessResult result = new ProcessExecutor().command(command).readOutput(true).redirectErrorStream(true)
                    .exitValueAny().timeout(60, TimeUnit.SECONDS).execute();
            if (result.getExitValue() != 0) {
                throw new AssertionError("'" + String.join(" ", command) + "' failed: " + result.outputUTF8().trim() + "; " + install);
            }
            return result.outputUTF8();
        } catch (IOException e) {
            throw new AssertionError("'" + command.get(0) + "' is not installed (" + e.getMessage() + "); " + install, e);
        } catch (TimeoutException e) {
            throw new AssertionError("'" + String.join(" ", command) + "' did not finish in 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** True if the file exists; a clear failure otherwise (a broken checkout, not a missing tool). */
    static Path existing(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("missing " + p + " (run the tests from the repository root)");
        }
        return p;
    }
}
