/**
 * The contract: where the schemas are, how lines are encoded ({@code codec}) and checked ({@code validation}); and
 * {@link dev.sigil.contract.Heap}, the advice every reader gives when a log needs more memory than the JVM's heap.
 */
package dev.sigil.contract;
