package dev.sigil.spend;

/**
 * One unit of work of a call tree, with what its own lines spent (its children's are theirs).
 *
 * @param id its event_id (cut to {@link CallTree#MAX_TEXT} characters), or a name of sigil's for the lines without one
 * @param parent the unit containing it, "" at a root
 * @param label what the tree shows: the id's last {@code /} segment, else the operation of its first line, else the id
 * @param component the component of its first line
 * @param phase the phase of its first line that names one
 * @param own the tokens and cost of its own lines
 * @param latencyMs the sum of its own lines' latencies
 * @param lines how many lines named it as their unit
 * @param failed whether one of its lines was an error
 * @param declared whether a line named it as its own unit (else only as a parent: an implicit node)
 */
public record TreeNode(String id, String parent, String label, String component, String phase, Tally own, double latencyMs,
                       long lines, boolean failed, boolean declared) {

    /** What the node weighs in memory, roughly: its texts at two bytes a character and a fixed overhead. */
    long bytes() {
        return 160 + 2L * (id.length() + parent.length() + label.length() + component.length() + phase.length());
    }
}
