package dev.sigil.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which argument of {@code sigil query} is the query and which are PATHs, said one way: the query is the first
 * argument, or the value of {@code --sql} (then every argument is a PATH). An argument in the wrong place is refused
 * with the reason, never run as a query or read as a log: a first argument that names a file and does not read as a
 * query, a PATH that names nothing and reads as one.
 */
final class QueryArguments {

    /** How a query begins: the statements that read (a query from a script may only read events). */
    private static final Pattern SQL = Pattern.compile("(?is)\\s*(\\(\\s*)*(select|with|values|table|explain)\\b.*");
    private static final String USAGE = "sigil query \"SQL\" [PATH... | --session ID | --all], or sigil query --sql \"SQL\" [PATH...]";

    private QueryArguments() {
    }

    /**
     * The query; {@code paths} is left holding the PATHs only.
     *
     * @param first the first positional argument, or null
     * @param option the value of {@code --sql}, or null
     * @param paths every positional argument (picocli gives PATH... all of them, the first one too)
     */
    static String sql(String first, String option, List<Path> paths) {
        String sql;
        if (option != null) {
            sql = option;
        } else if (first == null) {
            throw UserError.usage("give the query: " + USAGE);
        } else {
            sql = first;
            paths.remove(0);
            if (!readsAsQuery(first) && exists(first)) {
                throw UserError.usage("'" + first + "' is a " + (Files.isDirectory(Path.of(first)) ? "directory" : "file")
                        + ", not a query: the query comes first (" + USAGE + ")");
            }
        }
        if (sql.isBlank()) {
            throw UserError.usage("the query is empty: " + USAGE);
        }
        for (Path p : paths) {
            if (readsAsQuery(p.toString()) && !Files.exists(p)) {
                throw UserError.usage("'" + p + "' is not a file but reads as a query: the query is given once, "
                        + (option != null ? "with --sql" : "first") + " (" + USAGE + ")");
            }
        }
        return sql;
    }

    private static boolean exists(String name) {
        try {
            return Files.exists(Path.of(name));
        } catch (java.nio.file.InvalidPathException e) {
            return false; // not a name a file can have
        }
    }

    static boolean readsAsQuery(String s) {
        return SQL.matcher(s.toLowerCase(Locale.ROOT)).matches();
    }
}
