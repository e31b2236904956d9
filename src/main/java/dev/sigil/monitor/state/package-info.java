/**
 * The monitor's pure core: an immutable {@link dev.sigil.monitor.state.MonitorState}, the sealed
 * {@link dev.sigil.monitor.state.MonitorAction}s that change it and the total {@link dev.sigil.monitor.state.Reducer};
 * no terminal, no files, no clock (time arrives in actions), bounded memory whatever the size of the log.
 */
package dev.sigil.monitor.state;
