package dev.sigil.contract.codec;

import tools.jackson.databind.node.IntNode;

/**
 * The integer literal {@code -0}: the integer 0 for CPython (and for everything that reads the tree as CPython does,
 * the canonical form included), but a node that remembers its sign, since jq, which reads every number as a double,
 * prints it {@code -0} ({@link PythonJsonReader#writtenAsNegativeZero}).
 */
final class NegativeZeroInt extends IntNode {

    private static final long serialVersionUID = 1L;

    NegativeZeroInt() {
        super(0);
    }
}
