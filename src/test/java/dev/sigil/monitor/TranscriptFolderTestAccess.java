package dev.sigil.monitor;

import java.io.IOException;
import java.nio.file.Path;

/** The transcript fixtures as a projects folder, for tests of other packages. */
public final class TranscriptFolderTestAccess {

    private TranscriptFolderTestAccess() {
    }

    /** A copy of contract/formats/fixtures/claude-projects under {@code into}, its main session written last. */
    public static Path projects(Path into) throws IOException {
        return TranscriptFolderTest.projects(into);
    }
}
