/**
 * Runs a pipeline under a token budget: phases and steps, their executors, errors and retries, and the execution
 * log every step writes through.
 */
package dev.sigil.orchestrate;
