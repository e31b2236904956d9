/** Step executors (the built-in offline one and external commands), their requests, results and failures. */
package dev.sigil.orchestrate.execute;
