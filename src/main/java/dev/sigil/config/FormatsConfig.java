package dev.sigil.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code formats} section: how logs of other producers are read (docs/formats.md).
 *
 * @param paths more definition files, or directories of them, read after {@code ~/.sigil/formats/}
 * @param defaultFormat {@code auto} (each file's format found from its first lines) or the name of the format every
 *        log is read in when {@code --input-format} is not given
 */
public record FormatsConfig(List<Path> paths, String defaultFormat) {

    public FormatsConfig {
        paths = List.copyOf(paths);
    }

    /** Whether each file's format is found from its first lines. */
    public boolean auto() {
        return defaultFormat.equals("auto");
    }
}
