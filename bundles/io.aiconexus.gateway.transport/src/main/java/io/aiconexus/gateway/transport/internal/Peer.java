package io.aiconexus.gateway.transport.internal;

/**
 * The remote end of a socket.
 *
 * @param host    the remote host alone, the key of per-address limits
 * @param address {@code host:port}, for logs and {@code Connection.remoteAddress()}
 */
record Peer(String host, String address) {

    static Peer of(String host, int port) {
        // Bracket IPv6 literals so host:port stays unambiguous.
        String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return new Peer(host, shown + ":" + port);
    }
}
