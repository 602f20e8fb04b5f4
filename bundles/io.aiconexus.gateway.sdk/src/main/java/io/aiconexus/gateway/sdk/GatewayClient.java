package io.aiconexus.gateway.sdk;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ProviderType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.ProtocolException;
import io.aiconexus.gateway.sdk.internal.ClientConfig;
import io.aiconexus.gateway.sdk.internal.MessageCheck;
import io.aiconexus.gateway.sdk.internal.WebSocketGatewayClient;

/**
 * An agent's connection to the gateway. Build one with {@link #builder}, add handlers, then
 * {@link #connect()}: it opens the WebSocket (offering {@code ioap.v1}), registers the agent's DID
 * and returns once the gateway has acknowledged.
 *
 * <pre>{@code
 * AgentIdentity me = AgentKeys.loadOrCreate(Path.of("agent-key.json"));
 * try (GatewayClient client = GatewayClient.builder(me).gateway("ws://127.0.0.1:8000/ws").build()) {
 *     client.on(MessageType.OFFER, (offer, c) -> c.send(Messages.answer(offer, "v=0 ...")));
 *     client.connect();
 *     client.closed().join();
 * }
 * }</pre>
 *
 * <p><b>Signatures.</b> Every frame sent is signed with the agent's key (RFC 8785 canonical JSON,
 * Ed25519). Every frame received is verified against the DID in its {@code from} — the gateway's
 * frames and other agents' alike — and a frame that fails is not delivered: it goes to the
 * {@link ErrorHandler} as {@link ClientError.Kind#INVALID_SIGNATURE}.
 *
 * <p><b>Reconnection and queueing.</b> When a registered connection is lost, the client reconnects
 * as its {@link ReconnectPolicy} says and registers again. Frames sent while it is not registered
 * wait in a bounded queue and are sent, in order, right after the next registration. A queued frame
 * keeps its {@code id} (receivers may drop a copy they already have) and gets a fresh timestamp and
 * signature when it is finally sent, so a frame held longer than the gateway's replay window is
 * not refused as stale. Frames already written to a connection that then broke are not sent again:
 * delivery is at most once.
 *
 * <p>Thread-safe. Handlers and listeners run on one dispatch thread per client, in order.
 */
@ProviderType
public interface GatewayClient extends AutoCloseable {

    /** Where a client connects unless told otherwise: the gateway's default address. */
    String DEFAULT_GATEWAY = "ws://127.0.0.1:8000/ws";

    /** A builder of a client that signs as {@code identity}. */
    static Builder builder(AgentIdentity identity) {
        return new Builder(identity);
    }

    /** The agent's DID, as registered. */
    String did();

    /** The gateway's WebSocket address. */
    URI gateway();

    /** The gateway's DID as learned from its last REGISTER acknowledgement, or {@code null} before the first. */
    String gatewayDid();

    ClientState state();

    /** Adds a handler for every delivered frame, whatever its type. */
    GatewayClient onMessage(MessageHandler handler);

    /** Adds a handler for delivered frames of {@code type}. */
    GatewayClient on(MessageType type, MessageHandler handler);

    /** Adds an error handler. Without one, errors are logged (slf4j) at warn level. */
    GatewayClient onError(ErrorHandler handler);

    /** Adds a state listener. */
    GatewayClient onStateChange(StateListener listener);

    /**
     * Connects and registers, waiting at most the builder's connect timeout.
     *
     * @throws GatewayUnreachableException nothing answered at the address, the upgrade was refused,
     *         or no acknowledgement came in time
     * @throws RegistrationRefusedException the gateway answered REGISTER with an ERROR (its code and message)
     * @throws IllegalStateException when called twice
     */
    void connect() throws GatewayException;

    /** {@link #connect()} without blocking: the future fails with the same exceptions. */
    CompletableFuture<GatewayClient> connectAsync();

    /**
     * Signs and sends {@code message}, or queues it while the client is not registered.
     *
     * @return the frame's id
     * @throws QueueFullException when the client is disconnected and its queue is full
     * @throws IllegalStateException when the client is closed or failed
     * @throws IllegalArgumentException for REGISTER and UNREGISTER, which the client sends itself
     */
    String send(Message message);

    /**
     * Sends {@code message} and completes with the first frame whose {@code correlation_id} is its
     * id — typically the EXEC_RESPONSE to an EXEC_REQUEST, or the INTENT answering an INTENT. An
     * ERROR answer fails the future with {@link GatewayErrorException}; no answer within the
     * builder's request timeout fails it with {@link java.util.concurrent.TimeoutException}.
     * The answer is not given to the message handlers.
     */
    CompletableFuture<Envelope> request(Message message);

    /** {@link #request(Message)} with its own {@code timeout}. */
    CompletableFuture<Envelope> request(Message message, Duration timeout);

    /** PINGs the gateway; completes with the round-trip time when the PONG arrives. */
    CompletableFuture<Duration> ping();

    /** PINGs {@code to} (another agent, which answers PONG; this SDK answers by itself). */
    CompletableFuture<Duration> ping(String to);

    /** Frames waiting for the next registration. */
    int queuedFrames();

    /** Completes with {@link ClientState#CLOSED} or {@link ClientState#FAILED} when the client ends. */
    CompletableFuture<ClientState> closed();

    /**
     * The typed payload of a received frame, e.g. {@code payload(offer, SdpPayload.class)}.
     *
     * @throws ProtocolException when the frame's type has no such payload
     */
    <T> T payload(Envelope envelope, Class<T> payloadType) throws ProtocolException;

    /**
     * Unregisters, closes the WebSocket (1000) and ends the client: pending requests fail with
     * {@link java.util.concurrent.CancellationException}, queued frames are dropped and reported as
     * {@link ClientError.Kind#FRAMES_DROPPED}. Waits a few seconds at most. Idempotent.
     */
    @Override
    void close();

    /** Configures a {@link GatewayClient}. Not thread-safe; {@link #build()} may be called more than once. */
    final class Builder {
        private final AgentIdentity identity;
        private URI gateway = URI.create(DEFAULT_GATEWAY);
        private final ObjectNode register = MessageCheck.JSON.createObjectNode();
        private ReconnectPolicy reconnect = ReconnectPolicy.DEFAULT;
        private int queueCapacity = 1000;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration keepAlive = Duration.ofSeconds(60);
        private String gatewayDid;

        Builder(AgentIdentity identity) {
            this.identity = Objects.requireNonNull(identity, "identity");
        }

        /**
         * The gateway's WebSocket address, {@code ws://HOST:PORT/PATH} or {@code wss://…}.
         *
         * @throws IllegalArgumentException when {@code address} is no ws or wss URI
         */
        public Builder gateway(String address) {
            Objects.requireNonNull(address, "address");
            URI uri;
            try {
                uri = new URI(address.strip());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("gateway address '" + address + "' is not a URI: " + e.getReason());
            }
            return gateway(uri);
        }

        /** The gateway's WebSocket address. */
        public Builder gateway(URI address) {
            Objects.requireNonNull(address, "address");
            String scheme = address.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("ws") || scheme.equalsIgnoreCase("wss"))
                    || address.getHost() == null) {
                throw new IllegalArgumentException("gateway address '" + address
                        + "' must be ws://HOST:PORT/PATH or wss://HOST:PORT/PATH, e.g. " + DEFAULT_GATEWAY);
            }
            this.gateway = address;
            return this;
        }

        /** Advertises a capability by {@code name} in REGISTER (for discovery and capability routing). */
        public Builder capability(String name, String description) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a capability needs a name");
            }
            ObjectNode capability = register.withArray("capabilities").addObject().put("name", name);
            if (description != null) {
                capability.put("description", description);
            }
            return this;
        }

        /** Sets {@code metadata.key} in REGISTER to {@code value} (converted as {@link Message.Builder#put}). */
        public Builder metadata(String key, Object value) {
            register.withObject("metadata").set(Objects.requireNonNull(key, "key"), MessageCheck.toJson(value));
            return this;
        }

        /** How to reconnect after a lost connection; {@link ReconnectPolicy#NEVER} turns it off. */
        public Builder reconnect(ReconnectPolicy policy) {
            this.reconnect = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Most frames held while not registered (1000 by default). */
        public Builder queueCapacity(int frames) {
            if (frames < 0) {
                throw new IllegalArgumentException("queue capacity must not be negative, not " + frames);
            }
            this.queueCapacity = frames;
            return this;
        }

        /** Longest wait for the WebSocket and the REGISTER acknowledgement (10 s by default). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /** Default wait of {@link GatewayClient#request(Message)} and {@link GatewayClient#ping()} (30 s by default). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "request timeout");
            return this;
        }

        /**
         * PING the gateway when registered this often (60 s by default; {@link Duration#ZERO} turns it
         * off), so that an idle agent is not dropped by the gateway's idle timeout and a dead connection
         * is noticed: no PONG within the interval closes the connection and the client reconnects.
         */
        public Builder keepAlive(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("keep-alive interval must not be negative, not " + interval);
            }
            this.keepAlive = interval;
            return this;
        }

        /**
         * Accept only a gateway with this DID: an acknowledgement signed by any other key is refused.
         * Without it, the client trusts the DID the gateway presents and checks its signatures.
         */
        public Builder expectGatewayDid(String did) {
            String problem = AgentKeys.checkDid(did);
            if (problem != null) {
                throw new IllegalArgumentException("expected gateway DID '" + did + "': " + problem);
            }
            this.gatewayDid = did;
            return this;
        }

        /**
         * A new client in state {@link ClientState#NEW}.
         *
         * @throws IllegalArgumentException when the capabilities or metadata break the REGISTER schema
         */
        public GatewayClient build() {
            ObjectNode payload = register.deepCopy();
            MessageCheck.check(MessageType.REGISTER, identity.did(), "register", null,
                    payload.deepCopy().put("public_key", identity.publicKeyBase58()));
            return new WebSocketGatewayClient(new ClientConfig(identity, gateway, payload, reconnect,
                    queueCapacity, connectTimeout, requestTimeout, keepAlive, gatewayDid));
        }

        private static Duration positive(Duration value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, not " + value);
            }
            return value;
        }
    }
}
