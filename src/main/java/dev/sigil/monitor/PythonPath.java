package dev.sigil.monitor;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code str(pathlib.PurePosixPath(...))}: how Python prints a path the documented monitor built with
 * {@code Path(log_path) / "sessions" / id / "execution.jsonl"}. Empty and {@code .} parts are dropped, a trailing
 * slash goes, {@code ..} stays, and a leading {@code //} (exactly two) is kept as POSIX allows.
 */
final class PythonPath {

    private PythonPath() {
    }

    static String join(String first, String... more) {
        List<String> parts = new ArrayList<>();
        String root = "";
        for (String piece : prepend(first, more)) {
            if (piece.startsWith("/")) {
                parts.clear();
                root = piece.startsWith("//") && !piece.startsWith("///") ? "//" : "/";
            }
            for (String p : piece.split("/")) {
                if (!p.isEmpty() && !p.equals(".")) {
                    parts.add(p);
                }
            }
        }
        String joined = String.join("/", parts);
        return root.isEmpty() && joined.isEmpty() ? "." : root + joined;
    }

    private static List<String> prepend(String first, String[] more) {
        List<String> all = new ArrayList<>(List.of(more));
        all.add(0, first);
        return all;
    }
}
