package io.aiconexus.gateway.transport.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = JettyTransport.PID, name = "AIConexus Gateway transport",
        description = "The WebSocket and HTTP server agents connect to: where it listens, whether it speaks TLS, how "
                + "much it holds per connection, and how many connections it accepts. A change of host, port, path, "
                + "TLS setting, frame threads or selector threads restarts the server (open connections are closed with 1012); every "
                + "other change applies at once.")
@interface TransportConfig {

    @AttributeDefinition(name = "Host", description = "Interface to listen on; 0.0.0.0 listens on every interface.")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "TCP port for WebSocket and HTTP; 0 picks a free port.")
    int port() default 8000;

    @AttributeDefinition(name = "WebSocket path", description = "Path of the WebSocket endpoint, e.g. /ws.")
    String path() default "/ws";

    @AttributeDefinition(name = "Handle frames on the selector threads",
            description = "On: a WebSocket frame is parsed, verified and routed by the thread that saw its socket "
                    + "readable, with no hand-off to another thread per frame (about 40 % less CPU per routed frame "
                    + "here); a message handler that blocks (a plugin writing to a slow disk, say) then delays the "
                    + "other connections of that selector while it blocks. Off: Jetty hands every read to a worker "
                    + "thread, as for HTTP requests. TLS connections always use worker threads.")
    boolean framesOnSelectors() default true;

    @AttributeDefinition(name = "Selector threads",
            description = "Threads that watch the sockets and, with frames handled on them, parse, verify and route "
                    + "the frames: the most frames handled at once. 0 means one per processor (at most 16). Fewer "
                    + "cost less CPU per frame while they keep up but cap the frames handled at that many cores: on 2 "
                    + "cores one selector routed a closed loop of verified frames for 10 % less CPU than two, and fell "
                    + "seconds behind at 5,000 verified frames/s, where two did not (docs/BENCHMARKS.md).")
    int selectors() default 0;

    @AttributeDefinition(name = "Hard message limit (bytes)",
            description = "A text or binary message larger than this is refused by the server with close 1009. "
                    + "The protocol's own frame limit (1 MiB, answered with an ERROR) is checked later and "
                    + "must stay below this one.")
    int maxMessageBytes() default 4194304;

    @AttributeDefinition(name = "Outbound queue (frames)",
            description = "Frames waiting to be written to one connection; when it is full, sending to that "
                    + "connection reports FULL and nothing is queued.")
    int outboundQueueFrames() default 1024;

    @AttributeDefinition(name = "Handler buffer (events)",
            description = "Events held, over all connections, while no connection handler is present (the router "
                    + "being updated). When it is full, a connection that brings one more event is closed with "
                    + "1013 'gateway busy, try again'.")
    int handlerBufferEvents() default 10000;

    @AttributeDefinition(name = "Ping interval (s)",
            description = "The server pings every connection this often. A connection from which nothing at all "
                    + "(not even a pong) arrives for 2.5 intervals is dropped as vanished (close code 1006).")
    int pingIntervalSeconds() default 30;

    @AttributeDefinition(name = "Maximum connections",
            description = "WebSocket connections accepted in total; upgrades beyond it get HTTP 503.")
    int maxConnections() default 20000;

    @AttributeDefinition(name = "Maximum connections per address",
            description = "WebSocket connections accepted from one remote host; upgrades beyond it get HTTP 503.")
    int maxConnectionsPerAddress() default 1000;

    @AttributeDefinition(name = "Shutdown grace (s)",
            description = "On stop, connections are closed with 1001 and given this long to drain their queues and "
                    + "finish the close handshake before the server is stopped.")
    int shutdownGraceSeconds() default 5;

    @AttributeDefinition(name = "TLS",
            description = "Serve wss:// and https:// instead of ws:// and http://. With no keystore path, a "
                    + "self-signed certificate is generated on first start and kept in tls/gateway.p12 in the data "
                    + "directory (framework property aiconexus.data), its password beside it in "
                    + "tls/gateway.p12.password, both readable by the owner only; it is reused after.")
    boolean tlsEnabled() default false;

    @AttributeDefinition(name = "Keystore path",
            description = "Keystore holding the server's private key and certificate chain, used when TLS is on. "
                    + "Empty: the generated self-signed certificate.")
    String keystorePath() default "";

    // The leading '.' (from '_') makes it a private component property: DS does not publish it with the
    // Transport service, so the password is not visible to every bundle and in the console's service list.
    @AttributeDefinition(name = "Keystore password", type = AttributeType.PASSWORD,
            description = "Password of the keystore and of its key (property name .keystorePassword). "
                    + "Ignored for the generated keystore, whose password is kept beside it.")
    String _keystorePassword() default "";

    @AttributeDefinition(name = "Keystore type", description = "PKCS12 or JKS.")
    String keystoreType() default "PKCS12";
}
