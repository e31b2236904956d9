/** Keeping the log directory in shape: rotating big logs of idle sessions, archiving old sessions, removing old archives. */
package dev.sigil.log.maintenance;
