/**
 * The monitoring stream's protocol as both ends see it (docs/remote.md): the addresses of a remote session
 * ({@link dev.sigil.remote.RemoteUrl}), the close codes and their reasons ({@link dev.sigil.remote.CloseCode}) and the
 * control messages ({@link dev.sigil.remote.Messages}). Pure; the server is {@code remote.serve}, the client
 * {@code remote.follow}.
 */
package dev.sigil.remote;
