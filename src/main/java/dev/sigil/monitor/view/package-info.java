/**
 * The full-screen dashboard: renders a {@link dev.sigil.monitor.state.MonitorState} into a TamboUI frame (reading
 * it, never changing it), maps keys to actions, and runs the render loop; the only package that uses TamboUI.
 */
package dev.sigil.monitor.view;
