package dev.sigil.compat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.StartedProcess;
import org.zeroturnaround.exec.stream.ExecuteStreamHandler;

/**
 * Real CPython as a test oracle: one long-running {@code compat-tests/python/oracle.py} process (started with
 * zt-exec) answering batched requests, so that a hundred thousand values cost one process and a few hundred pipe
 * round trips. See the script's docstring for the protocol. Not thread-safe; one per test class.
 */
public final class CPythonOracle implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();

    private final StartedProcess started;
    private final Streams streams = new Streams();
    private final BufferedWriter in;
    private final BufferedReader out;
    private final String versions;

    private CPythonOracle() throws IOException {
        CompatTools.requirePython();
        started = new ProcessExecutor()
                .command("python3", "-u", CompatTools.existing(CompatTools.oracleScript()).toString(),
                        CompatTools.existing(CompatTools.schema()).toString())
                .environment("PYTHONDONTWRITEBYTECODE", "1")
                .environment("PYTHONHASHSEED", "0")
                .redirectErrorStream(false)
                .streams(streams)
                .destroyOnExit()
                .start();
        in = new BufferedWriter(new OutputStreamWriter(streams.stdin, StandardCharsets.US_ASCII), 1 << 16);
        out = new BufferedReader(new InputStreamReader(streams.stdout, StandardCharsets.US_ASCII), 1 << 16);
        versions = request("version", List.of(), 1).get(0);
        String python = field(versions, "python");
        String jsonschema = field(versions, "jsonschema");
        CompatTools.checkPythonVersions(python, jsonschema);
    }

    /** Starts the oracle; fails with what to install if python3 or jsonschema is missing. */
    public static CPythonOracle start() {
        try {
            return new CPythonOracle();
        } catch (IOException e) {
            throw new AssertionError("cannot start python3: " + e.getMessage(), e);
        }
    }

    /** "python=3.11.7 jsonschema=4.26.0". */
    public String versions() {
        return versions;
    }

    /** {@code json.dumps(value, separators=(',', ':'))} of each neutral value: "OK bytes" or "ERR reason". */
    public List<String> dumps(List<String> neutralValues) {
        return request("dumps " + neutralValues.size(), neutralValues, neutralValues.size());
    }

    /** {@code json.loads(line.decode('utf-8'))} of each line: "OK neutral\tdumps" or "ERR kind\tcolumn\treason". */
    public List<String> loads(List<byte[]> lines) {
        return request("loads " + lines.size(), hex(lines), lines.size());
    }

    /** The contract verdict of CPython json + jsonschema on each line: "VALID" or "INVALID rule\tdetail". */
    public List<String> validate(List<byte[]> lines) {
        return request("validate " + lines.size(), hex(lines), lines.size());
    }

    /** {@code count} values made by Python's {@code random.Random(seed)}: "neutral\tdumps" each. */
    public List<String> generate(long seed, int count) {
        return request("generate " + seed + " " + count, List.of(), count);
    }

    /** {@code datetime(...).isoformat()} for "Y M D h m s us [offsetSeconds]" lines. */
    public List<String> isoformat(List<String> fields) {
        return request("isoformat " + fields.size(), fields, fields.size());
    }

    private static List<String> hex(List<byte[]> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (byte[] line : lines) {
            out.add(HEX.formatHex(line));
        }
        return out;
    }

    private List<String> request(String header, List<String> payload, int answers) {
        try {
            in.write(header);
            in.write('\n');
            for (String line : payload) {
                in.write(line);
                in.write('\n');
            }
            in.flush();
            List<String> result = new ArrayList<>(answers);
            for (int i = 0; i < answers; i++) {
                String line = out.readLine();
                if (line == null) {
                    throw new AssertionError("the CPython oracle stopped answering (request '" + header + "'):\n" + streams.stderr());
                }
                result.add(line);
            }
            return result;
        } catch (IOException e) {
            throw new AssertionError("the CPython oracle failed (request '" + header + "'):\n" + streams.stderr(), e);
        }
    }

    private static String field(String versions, String name) {
        for (String part : versions.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new AssertionError("the oracle did not report its " + name + " version: " + versions);
    }

    @Override
    public void close() {
        try {
            in.write("quit\n");
            in.close();
            started.getFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            started.getProcess().destroyForcibly();
        }
    }

    /** Hands the raw pipes to the test instead of pumping them; stderr is collected for failure messages. */
    private static final class Streams implements ExecuteStreamHandler {
        OutputStream stdin;
        InputStream stdout;
        private InputStream stderrStream;
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private Thread pump;

        @Override
        public void setProcessInputStream(OutputStream os) {
            stdin = os;
        }

        @Override
        public void setProcessErrorStream(InputStream is) {
            stderrStream = is;
        }

        @Override
        public void setProcessOutputStream(InputStream is) {
            stdout = is;
        }

        @Override
        public void start() {
            pump = new Thread(() -> {
                byte[] buf = new byte[8192];
                try {
                    for (int n; (n = stderrStream.read(buf)) > 0; ) {
                        synchronized (stderr) {
                            stderr.write(buf, 0, n);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "cpython-oracle-stderr");
            pump.setDaemon(true);
            pump.start();
        }

        @Override
        public void stop() {
            // the pump ends with the process
        }

        String stderr() {
            synchronized (stderr) {
                return stderr.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
