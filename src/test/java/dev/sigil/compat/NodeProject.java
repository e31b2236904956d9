package dev.sigil.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import dev.sigil.contract.codec.PythonJsonReader;
import tools.jackson.databind.JsonNode;

/**
 * compat-tests/node: the npm packages the node oracles run on, pinned by its package.json and package-lock.json.
 * Installs them with {@code npm ci} when any is missing (the npm registry is needed once, then the tests work
 * offline), and starts an oracle script there; fails, saying what to install, when node or npm is missing.
 */
public final class NodeProject {

    public static final Path DIR = CompatTools.root().resolve("compat-tests/node");

    private NodeProject() {
    }

    /** Starts {@code script} of compat-tests/node with node, its packages installed first if needed. */
    public static Process start(String script) throws IOException, InterruptedException {
        String node = require("node", "Node.js 20 or newer (e.g. apt-get install nodejs npm)");
        installOnce();
        return new ProcessBuilder(node, DIR.resolve(script).toString())
                .directory(DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /** The packages package.json declares, each of which must be in node_modules. */
    static List<String> dependencies() throws IOException {
        JsonNode pkg = new PythonJsonReader().read(Files.readAllBytes(DIR.resolve("package.json")));
        List<String> names = new ArrayList<>();
        pkg.path("dependencies").propertyNames().forEach(names::add);
        return names;
    }

    private static synchronized void installOnce() throws IOException, InterruptedException {
        List<String> missing = new ArrayList<>();
        for (String name : dependencies()) {
            if (!Files.exists(DIR.resolve("node_modules").resolve(name).resolve("package.json"))) {
                missing.add(name);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String npm = require("npm", "npm (e.g. apt-get install npm), to install " + missing + " from compat-tests/node/package-lock.json");
        ProcessResult r;
        try {
            r = new ProcessExecutor().command(npm, "ci", "--no-audit", "--no-fund", "--prefer-offline")
                    .directory(DIR.toFile()).redirectErrorStream(true).readOutput(true)
                    .timeout(5, TimeUnit.MINUTES).execute();
        } catch (TimeoutException e) {
            throw new AssertionError("npm ci in " + DIR + " took more than 5 minutes", e);
        }
        if (r.getExitValue() != 0) {
            throw new AssertionError("npm ci in " + DIR + " failed (exit " + r.getExitValue() + "); it needs the npm registry once:\n" + r.outputUTF8());
        }
    }

    private static String require(String tool, String install) throws IOException, InterruptedException {
        try {
            ProcessResult r = new ProcessExecutor().command(tool, "--version").readOutput(true).timeout(1, TimeUnit.MINUTES).execute();
            if (r.getExitValue() == 0) {
                return tool;
            }
        } catch (IOException | TimeoutException e) {
            // reported below
        }
        throw new AssertionError(tool + " is needed by the node compat tests and was not found on PATH: install " + install);
    }
}
