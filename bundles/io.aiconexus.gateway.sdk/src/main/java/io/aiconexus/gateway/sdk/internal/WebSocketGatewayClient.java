package io.aiconexus.gateway.sdk.internal;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.ProtocolException;
import io.aiconexus.gateway.sdk.ClientError;
import io.aiconexus.gateway.sdk.ClientState;
import io.aiconexus.gateway.sdk.ErrorHandler;
import io.aiconexus.gateway.sdk.GatewayClient;
import io.aiconexus.gateway.sdk.GatewayException;
import io.aiconexus.gateway.sdk.GatewayUnreachableException;
import io.aiconexus.gateway.sdk.Message;
import io.aiconexus.gateway.sdk.MessageHandler;
import io.aiconexus.gateway.sdk.Messages;
import io.aiconexus.gateway.sdk.QueueFullException;
import io.aiconexus.gateway.sdk.RegistrationRefusedException;
import io.aiconexus.gateway.sdk.StateListener;

/**
 * The {@link GatewayClient}: the session state machine on top of {@link SocketLink}. Every state
 * change happens under one lock; the socket's threads only parse, verify and hand over. Each
 * connection attempt gets a new {@link SocketLink}; events of an older one are ignored.
 */
public final class WebSocketGatewayClient implements GatewayClient, SocketLink.Events {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketGatewayClient.class);
    /** ERROR codes of a refused registration worth another attempt: the gateway is busy, not saying no. */
    private static final Set<String> TRANSIENT_REFUSALS = Set.of(ErrorCode.RATE_LIMITED.name(),
            ErrorCode.OVERLOADED.name(), ErrorCode.INTERNAL_ERROR.name(), ErrorCode.TIMEOUT.name());
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ClientConfig config;
    private final Frames frames;
    private final Dispatcher dispatcher;
    private final ScheduledExecutorService timers;
    private final PendingRequests pending;
    private final Inbox inbox;
    private final AtomicLong pingSequence = new AtomicLong();
    private final CompletableFuture<GatewayClient> connected = new CompletableFuture<>();
    private final CompletableFuture<ClientState> ended = new CompletableFuture<>();

    private final Object lock = new Object();
    private final ArrayDeque<Message> queue = new ArrayDeque<>(); // guarded by lock
    private volatile ClientState state = ClientState.NEW; // written under lock
    private volatile String gatewayDid;
    private SocketLink link; // the current connection, guarded by lock
    private volatile String registerId; // the REGISTER awaiting its acknowledgement on link
    private boolean everRegistered;
    private boolean replaced; // another connection took the DID over: do not fight back
    private int attempts; // failed attempts since the last registration
    private ScheduledFuture<?> deadline;
    private ScheduledFuture<?> keepAlive;

    public WebSocketGatewayClient(ClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.frames = new Frames(config.identity());
        String name = "ioap-client-" + shortDid(config.identity().did());
        this.dispatcher = new Dispatcher(name);
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.pending = new PendingRequests(timers);
        this.inbox = new Inbox(this, pending, dispatcher, () -> {
            synchronized (lock) {
                replaced = true;
            }
        });
    }

    @Override
    public String did() {
        return config.identity().did();
    }

    @Override
    public URI gateway() {
        return config.gateway();
    }

    @Override
    public String gatewayDid() {
        return gatewayDid;
    }

    @Override
    public ClientState state() {
        return state;
    }

    @Override
    public GatewayClient onMessage(MessageHandler handler) {
        dispatcher.addHandler(null, Objects.requireNonNull(handler, "handler"));
        return this;
    }

    @Override
    public GatewayClient on(MessageType type, MessageHandler handler) {
        dispatcher.addHandler(Objects.requireNonNull(type, "type"), Objects.requireNonNull(handler, "handler"));
        return this;
    }

    @Override
    public GatewayClient onError(ErrorHandler handler) {
        dispatcher.addErrorHandler(Objects.requireNonNull(handler, "handler"));
        return this;
    }

    @Override
    public GatewayClient onStateChange(StateListener listener) {
        dispatcher.addStateListener(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public void connect() throws GatewayException {
        CompletableFuture<GatewayClient> future = connectAsync();
        try {
            // the attempt has its own deadline; this one only guards against a lost wake-up
            future.get(config.connectTimeout().toMillis() * 2 + CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GatewayException cause) {
                throw cause;
            }
            throw new GatewayException("connecting to " + gateway() + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            close();
            throw new GatewayException("connecting to " + gateway() + " did not finish in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new GatewayException("interrupted while connecting to " + gateway(), e);
        }
    }

    @Override
    public CompletableFuture<GatewayClient> connectAsync() {
        synchronized (lock) {
            if (state != ClientState.NEW) {
                throw new IllegalStateException("connect() was already called (the client is " + state + ")");
            }
            attempt();
        }
        return connected;
    }

    @Override
    public String send(Message message) {
        Objects.requireNonNull(message, "message");
        if (message.type() == MessageType.REGISTER || message.type() == MessageType.UNREGISTER) {
            throw new IllegalArgumentException(message.type() + " is sent by the client itself: it registers on "
                    + "connect() and unregisters on close()");
        }
        synchronized (lock) {
            if (state.isFinal()) {
                throw new IllegalStateException("the client is " + state + ": " + message + " was not sent");
            }
            if (state == ClientState.REGISTERED) {
                link.send(frames.sign(message).text());
            } else if (queue.size() < config.queueCapacity()) {
                queue.add(message);
            } else {
                throw new QueueFullException("not sent: " + config.queueCapacity()
                        + " frames already wait for the connection to the gateway (" + message + ")");
            }
        }
        return message.id();
    }

    @Override
    public CompletableFuture<Envelope> request(Message message) {
        return request(message, config.requestTimeout());
    }

    @Override
    public CompletableFuture<Envelope> request(Message message, Duration timeout) {
        Objects.requireNonNull(message, "message");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a request timeout must be positive, not " + timeout);
        }
        if (state.isFinal()) {
            throw new IllegalStateException("the client is " + state + ": " + message + " was not sent");
        }
        CompletableFuture<Envelope> answer = pending.add(message.id(), timeout, message.type() + " " + message.id());
        try {
            send(message);
        } catch (RuntimeException e) {
            pending.remove(message.id());
            throw e;
        }
        return answer;
    }

    @Override
    public CompletableFuture<Duration> ping() {
        return ping(Messages.GATEWAY);
    }

    @Override
    public CompletableFuture<Duration> ping(String to) {
        long start = System.nanoTime();
        return request(Messages.ping(to, pingSequence.incrementAndGet()))
                .thenApply(pong -> Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public int queuedFrames() {
        synchronized (lock) {
            return queue.size();
        }
    }

    @Override
    public CompletableFuture<ClientState> closed() {
        return ended.thenApply(s -> s);
    }

    @Override
    public <T> T payload(Envelope envelope, Class<T> payloadType) throws ProtocolException {
        return Frames.CODEC.payload(envelope, payloadType);
    }

    @Override
    public void close() {
        SocketLink closing;
        boolean unregister;
        synchronized (lock) {
            if (state.isFinal()) {
                return;
            }
            unregister = state == ClientState.REGISTERED;
            closing = link;
            link = null;
            setState(ClientState.CLOSED);
            cancelTimers();
        }
        if (closing != null) {
            if (unregister) {
                closing.send(frames.sign(Message.builder(MessageType.UNREGISTER, did()).build()).text());
            }
            try {
                closing.close(1000, "client closed").get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("Close handshake with {} did not finish: {}", gateway(), e.toString());
            }
            closing.abort();
        }
        end(ClientState.CLOSED, new GatewayException("the client was closed before it registered"));
    }

    // ---- socket events ----

    @Override
    public void text(SocketLink from, String text) {
        Frames.Received received = frames.read(text);
        if (received.error() != null) {
            dispatcher.error(received.error());
            return;
        }
        Envelope envelope = received.envelope();
        synchronized (lock) {
            if (from != link) {
                return;
            }
            if (state == ClientState.CONNECTED) {
                registering(envelope);
                return;
            }
        }
        if (envelope.type() == MessageType.REGISTER && envelope.correlationId() != null
                && envelope.correlationId().equals(registerId)) {
            return; // a repeated acknowledgement
        }
        inbox.accept(envelope);
    }

    @Override
    public void closed(SocketLink from, int code, String reason, Throwable error) {
        synchronized (lock) {
            if (from != link) {
                return;
            }
            String why = error != null ? Failures.describe(error)
                    : code == 1006 ? "the connection to the gateway was lost (1006, no close frame)"
                    : "the gateway closed the connection (" + code + (reason.isEmpty() ? "" : " " + reason) + ")";
            failed(why, error, null);
        }
    }

    // ---- the session, all under lock ----

    private void attempt() {
        setState(ClientState.CONNECTING);
        // armed first: a socket that fails at once ends the attempt inside open(), and that cancels it
        deadline = timers.schedule(this::noAcknowledgement, config.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
        SocketLink.open(config.gateway(), config.connectTimeout(), this).whenComplete(this::opened);
    }

    private void opened(SocketLink opened, Throwable error) {
        synchronized (lock) {
            if (state != ClientState.CONNECTING || link != null) {
                if (opened != null) {
                    opened.abort(); // closed, or given up on, while the upgrade was under way
                }
                return;
            }
            if (error != null) {
                failed(Failures.describe(error), error, null);
                return;
            }
            link = opened;
            ObjectNode payload = config.registerPayload().deepCopy().put("public_key", config.identity().publicKeyBase58());
            Message register = Message.builder(MessageType.REGISTER, did()).payload(payload).build();
            registerId = register.id();
            setState(ClientState.CONNECTED);
            link.send(frames.sign(register).text());
        }
    }

    private void registering(Envelope envelope) {
        if (envelope.type() == MessageType.ERROR) {
            SocketLink refused = link;
            failed("the gateway refused the registration: " + Failures.errorText(envelope), null, envelope);
            refused.abort();
            return;
        }
        if (envelope.type() != MessageType.REGISTER || !registerId.equals(envelope.correlationId())) {
            dispatcher.error(new ClientError(ClientError.Kind.MALFORMED_FRAME, "ignored " + envelope.type() + " "
                    + envelope.id() + ": no frame but the acknowledgement is expected before registration",
                    envelope, envelope.text(), null));
            return;
        }
        String problem = untrustedGateway(envelope);
        if (problem != null) {
            SocketLink refused = link;
            link = null;
            cancelTimers();
            dispatcher.error(new ClientError(ClientError.Kind.REGISTRATION_REFUSED, problem, envelope, envelope.text(), null));
            refused.abort();
            end(ClientState.FAILED, new GatewayException(problem));
            return;
        }
        gatewayDid = envelope.from();
        attempts = 0;
        everRegistered = true;
        cancelTimers();
        setState(ClientState.REGISTERED);
        LOG.debug("{} registered with gateway {} at {}", did(), gatewayDid, gateway());
        // queued frames first, in order: sends made after this lock is released come behind them
        while (!queue.isEmpty()) {
            link.send(frames.sign(queue.poll()).text());
        }
        startKeepAlive();
        dispatcher.run(() -> connected.complete(this));
    }

    /** Why the acknowledging gateway is not to be trusted, or null. */
    private String untrustedGateway(Envelope ack) {
        var key = ack.payload().get("public_key");
        if (key != null && !Frames.isKeyOf(ack.from(), key.asText())) {
            return "the gateway's acknowledgement carries public_key " + key.asText() + ", which is not the key of "
                    + ack.from() + ": refusing this gateway";
        }
        if (config.gatewayDid() != null && !config.gatewayDid().equals(ack.from())) {
            return "the gateway at " + gateway() + " is " + ack.from() + ", not the expected " + config.gatewayDid();
        }
        return null;
    }

    /** The current attempt or connection failed: give up, or try again as the policy says. */
    private void failed(String why, Throwable cause, Envelope refusal) {
        link = null;
        cancelTimers();
        if (state.isFinal()) {
            return;
        }
        if (!everRegistered) {
            end(ClientState.FAILED, refusal != null ? new RegistrationRefusedException(refusal)
                    : new GatewayUnreachableException(
                            "cannot connect to the gateway at " + gateway() + ": " + why, cause));
            return;
        }
        ClientError.Kind kind = refusal != null ? ClientError.Kind.REGISTRATION_REFUSED : ClientError.Kind.DISCONNECTED;
        boolean terminal = replaced || refusal != null && !TRANSIENT_REFUSALS.contains(Failures.errorCode(refusal));
        attempts++;
        if (terminal || attempts > config.reconnect().maxAttempts()) {
            String giveUp = replaced ? "another connection registered " + did() + "; not reconnecting"
                    : terminal ? "not reconnecting" : "gave up after " + (attempts - 1) + " reconnection attempts";
            dispatcher.error(new ClientError(kind, why + "; " + giveUp, refusal, null, cause));
            end(ClientState.FAILED, new GatewayException(why));
            return;
        }
        Duration delay = config.reconnect().delay(attempts, ThreadLocalRandom.current().nextDouble());
        dispatcher.error(new ClientError(kind, why + "; reconnecting in " + delay.toMillis() + " ms (attempt "
                + attempts + ")", refusal, null, cause));
        setState(ClientState.RECONNECTING);
        deadline = timers.schedule(() -> {
            synchronized (lock) {
                if (state == ClientState.RECONNECTING) {
                    attempt();
                }
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void noAcknowledgement() {
        synchronized (lock) {
            if (state != ClientState.CONNECTING && state != ClientState.CONNECTED) {
                return;
            }
            SocketLink stuck = link;
            failed("no REGISTER acknowledgement within " + config.connectTimeout().toMillis() + " ms", null, null);
            if (stuck != null) {
                stuck.abort();
            }
        }
    }

    /** Ends the client for good: CLOSED or FAILED, with what pending work is told. */
    private void end(ClientState last, GatewayException connectFailure) {
        int dropped;
        synchronized (lock) {
            if (state != last) {
                setState(last);
            }
            dropped = queue.size();
            queue.clear();
            cancelTimers();
        }
        if (dropped > 0) {
            dispatcher.error(new ClientError(ClientError.Kind.FRAMES_DROPPED, dropped
                    + " queued frame(s) were never sent: the client is " + last, null, null, null));
        }
        pending.failAll(new CancellationException("the client is " + last + ": no answer will come"));
        dispatcher.run(() -> {
            connected.completeExceptionally(connectFailure);
            ended.complete(last);
        });
        dispatcher.shutdown();
        timers.shutdown();
    }

    private void setState(ClientState next) {
        ClientState previous = state;
        state = next;
        dispatcher.state(previous, next);
    }

    private void cancelTimers() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
        if (keepAlive != null) {
            keepAlive.cancel(false);
            keepAlive = null;
        }
    }

    /** Keeps an idle agent known to the gateway, and notices a connection that died without a word. */
    private void startKeepAlive() {
        Duration interval = config.keepAlive();
        if (interval.isZero()) {
            return;
        }
        SocketLink watched = link;
        keepAlive = timers.scheduleWithFixedDelay(() -> {
            long sequence = pingSequence.incrementAndGet();
            try {
                request(Messages.ping(Messages.GATEWAY, sequence), interval).whenComplete((pong, error) -> {
                    if (error instanceof TimeoutException) {
                        LOG.debug("No PONG within {} ms: dropping the connection", interval.toMillis());
                        watched.abort();
                    }
                });
            } catch (IllegalStateException e) {
                LOG.debug("Keep-alive skipped: {}", e.getMessage());
            }
        }, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static String shortDid(String did) {
        return did.length() > 16 ? did.substring(did.length() - 8) : did;
    }
}
