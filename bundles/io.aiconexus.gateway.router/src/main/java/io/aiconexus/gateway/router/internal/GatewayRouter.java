package io.aiconexus.gateway.router.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.DidKeys;
import io.aiconexus.gateway.identity.EnvelopeSigner;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.mailbox.MailboxExpiry;
import io.aiconexus.gateway.mailbox.Mailboxes;
import io.aiconexus.gateway.mailbox.StoredFrame;
import io.aiconexus.gateway.monitoring.GatewayMetrics;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.EnvelopeCodec.FrameHints;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.ProtocolException;
import io.aiconexus.gateway.registry.AgentRegistry;
import io.aiconexus.gateway.registry.RegisteredAgent;
import io.aiconexus.gateway.router.GatewaySender;
import io.aiconexus.gateway.router.MessageHandler;
import io.aiconexus.gateway.router.RouterStatus;
import io.aiconexus.gateway.router.RoutingDecision;
import io.aiconexus.gateway.router.RoutingEvent;
import io.aiconexus.gateway.router.RoutingListener;
import io.aiconexus.gateway.router.RoutingPolicy;
import io.aiconexus.gateway.router.RoutingRequest;
import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.SendResult;
import io.aiconexus.gateway.transport.ConnectionHandler;
import io.aiconexus.gateway.transport.Transport;
import io.aiconexus.gateway.verification.FrameVerifier;
import io.aiconexus.gateway.verification.Verdict;

/**
 * Receives every frame from the transport and applies PROTOCOL.md sections 5 and 6: parse,
 * check the sender, verify, then ask the routing policies and offer the frame to the message
 * handlers. It keeps no session state of its own (the registry has it), so it can be updated
 * while agents stay connected: the transport holds their frames meanwhile.
 */
@Component(service = { ConnectionHandler.class, RouterStatus.class, GatewaySender.class, MailboxExpiry.class },
        configurationPid = GatewayRouter.PID)
@Designate(ocd = RouterConfig.class)
public class GatewayRouter implements ConnectionHandler, RouterStatus, GatewaySender, MailboxExpiry {
    static final String PID = "io.aiconexus.gateway.router";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayRouter.class);

    private final EnvelopeCodec codec;
    private final FrameVerifier verifier;
    private final AgentRegistry registry;
    private final GatewayMessenger messenger;
    private final Registrar registrar;
    private final RankedServices<RoutingPolicy, PolicyEntry> policies = new RankedServices<>(
            properties -> policy -> PolicyEntry.of(policy, properties));
    private final RankedServices<MessageHandler, HandlerEntry> handlers = new RankedServices<>(
            properties -> handler -> HandlerEntry.of(handler, properties));
    private final RankedServices<RoutingListener, RoutingListener> listeners = new RankedServices<>(
            properties -> listener -> listener);
    private final ConcurrentHashMap<String, ScheduledFuture<?>> registerDeadlines = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "aiconexus-register-timeout");
        thread.setDaemon(true);
        return thread;
    });
    private final BuiltInHandlers builtIns = new BuiltInHandlers();
    private volatile GatewayMetrics metrics = NoMetrics.INSTANCE;
    private volatile Transport transport;
    private volatile Mailboxes mailboxes;
    private volatile long registerTimeoutMillis;

    @Activate
    public GatewayRouter(@Reference EnvelopeCodec codec, @Reference DidKeys didKeys, @Reference EnvelopeSigner signer,
            @Reference(target = AgentIdentity.GATEWAY_TARGET) AgentIdentity gateway, @Reference AgentRegistry registry,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) FrameVerifier verifier, RouterConfig config) {
        this.codec = codec;
        this.verifier = verifier;
        this.registry = registry;
        this.messenger = new GatewayMessenger(codec, signer, gateway, () -> metrics, () -> mailboxes);
        this.registrar = new Registrar(codec, didKeys, verifier, registry, messenger);
        modified(config);
    }

    @Activate
    void activate(BundleContext context) {
        builtIns.register(context);
        Transport current = transport;
        if (current != null) {
            // connections opened under the previous router still owe a REGISTER
            current.connections().stream().filter(c -> registry.byConnection(c).isEmpty()).forEach(this::armRegisterDeadline);
        }
    }

    @Modified
    void modified(RouterConfig config) {
        registerTimeoutMillis = TimeUnit.SECONDS.toMillis(Math.max(1, config.registerTimeoutSeconds()));
    }

    @Deactivate
    void deactivate() {
        builtIns.unregister();
        timers.shutdownNow();
    }

    @Override
    public void opened(Connection connection) {
        armRegisterDeadline(connection);
    }

    @Override
    public void text(Connection connection, String text) {
        long arrived = System.nanoTime();
        RegisteredAgent agent = registry.byConnection(connection).orElse(null);
        Envelope envelope;
        try {
            envelope = codec.parse(text);
        } catch (ProtocolException e) {
            metrics.frameIn(null);
            refuseUnparsed(connection, agent, text, e);
            return;
        }
        metrics.frameIn(envelope.type());
        if (agent == null) {
            registrar.firstFrame(connection, envelope);
            if (registry.byConnection(connection).isPresent()) {
                cancelRegisterDeadline(connection);
            }
            return;
        }
        if (!envelope.from().equals(agent.did())) {
            metrics.verificationFailure("from_mismatch");
            LOG.warn("Frame {} on {} claims from {}: refused", envelope.id(), agent, envelope.from());
            messenger.error(connection, agent.did(), envelope.id(), ErrorCode.INVALID_SIGNATURE,
                    "from is not the DID registered on this connection", Map.of("reason", "from_mismatch"));
            return;
        }
        long verifying = System.nanoTime();
        Verdict verdict = verifier.verify(envelope, agent.key());
        metrics.verified(System.nanoTime() - verifying);
        if (verdict.failure() != null) {
            metrics.verificationFailure(verdict.failure().reason());
        }
        if (!verdict.accepted()) {
            LOG.warn("Frame {} from {} refused: {}", envelope.id(), agent, verdict.detail());
            messenger.error(connection, agent.did(), envelope.id(), ErrorCode.INVALID_SIGNATURE, verdict.detail(),
                    Map.of("reason", verdict.failure().reason()));
            return;
        }
        registry.frameReceived(agent);
        if (envelope.type() == MessageType.REGISTER) {
            registrar.reRegister(agent, envelope);
        } else {
            route(envelope, agent, arrived);
        }
    }

    @Override
    public void binary(Connection connection, int length) {
        metrics.frameIn(null);
        RegisteredAgent agent = registry.byConnection(connection).orElse(null);
        messenger.error(connection, agent == null ? null : agent.did(), null, ErrorCode.MALFORMED_MESSAGE,
                "binary frames are not part of IoAP v1: send one JSON object per text frame",
                Map.of("field", "$", "reason", "binary_frame"));
        if (agent == null) {
            connection.close(Registrar.POLICY_VIOLATION, "the first frame must be a text REGISTER");
        }
    }

    @Override
    public void closed(Connection connection, int code, String reason) {
        cancelRegisterDeadline(connection);
        registry.byConnection(connection).ifPresent(agent -> {
            if (registry.unregister(agent.did(), connection)) {
                // it left without UNREGISTER: it may well come back. Opened before anything else, since a frame
                // for it that arrives in between is answered UNKNOWN_AGENT instead of being kept.
                Mailboxes current = mailboxes;
                if (current != null) {
                    current.open(agent.did());
                }
                LOG.info("Agent {} disconnected ({} {})", agent, code, reason == null ? "" : reason);
            }
        });
    }

    private void route(Envelope envelope, RegisteredAgent sender, long arrived) {
        boolean toGateway = messenger.isGateway(envelope.to())
                || envelope.type() == MessageType.UNREGISTER && envelope.to().equals(sender.did());
        if (!toGateway && !envelope.type().isRelayed()) {
            messenger.error(sender.connection(), sender.did(), envelope.id(), ErrorCode.MALFORMED_MESSAGE,
                    envelope.type() + " goes to the gateway or to your own DID", Map.of("field", "to"));
            return;
        }
        String recipient = toGateway ? messenger.gatewayDid() : envelope.to();
        RoutingRequest request = null;
        for (PolicyEntry entry : policies.snapshot()) {
            if (request == null) {
                // one request per frame, a new one only after a redirect: this runs for every frame
                request = new RoutingRequest(envelope, sender, recipient, toGateway);
            }
            RoutingDecision decision;
            try {
                decision = entry.policy().decide(request);
            } catch (RuntimeException e) {
                LOG.error("Routing policy {} failed on {}: frame refused", entry.name(), envelope, e);
                messenger.error(sender.connection(), sender.did(), envelope.id(), ErrorCode.INTERNAL_ERROR,
                        "a routing policy failed", Map.of("policy", entry.name()));
                return;
            }
            if (decision.outcome() == RoutingDecision.Outcome.DENY) {
                messenger.error(sender.connection(), sender.did(), envelope.id(), decision.code(),
                        decision.message() == null ? "refused by policy " + entry.name() : decision.message(),
                        Map.of("policy", entry.name()));
                notifyListeners(envelope, null, RoutingEvent.Outcome.REFUSED, decision.code().name(), entry.name());
                return;
            }
            if (decision.outcome() == RoutingDecision.Outcome.REDIRECT) {
                recipient = decision.redirectTo();
                toGateway = messenger.isGateway(recipient);
                request = null;
            }
        }
        FrameContext context = new FrameContext(envelope, sender, recipient, arrived, registry, messenger);
        for (HandlerEntry entry : handlers.snapshot()) {
            if (!entry.accepts(toGateway, envelope.type())) {
                continue;
            }
            try {
                if (entry.handler().handle(context)) {
                    ErrorCode refusal = context.refusal();
                    notifyListeners(envelope, refusal == null ? recipient : null,
                            refusal == null ? RoutingEvent.Outcome.DELIVERED : RoutingEvent.Outcome.REFUSED,
                            refusal == null ? null : refusal.name(), entry.name());
                    return;
                }
            } catch (RuntimeException e) {
                LOG.error("Message handler {} failed on {}", entry.name(), envelope, e);
                context.replyError(ErrorCode.INTERNAL_ERROR, "a message handler failed", Map.of("handler", entry.name()));
                notifyListeners(envelope, null, RoutingEvent.Outcome.REFUSED, ErrorCode.INTERNAL_ERROR.name(), entry.name());
                return;
            }
        }
        String what = toGateway ? "the gateway offers no service for this " + envelope.type()
                : "no handler delivers " + envelope.type() + " frames";
        context.replyError(ErrorCode.UNKNOWN_AGENT, what, Map.of("to", envelope.to()));
        notifyListeners(envelope, null, RoutingEvent.Outcome.REFUSED, ErrorCode.UNKNOWN_AGENT.name(), null);
    }

    private void notifyListeners(Envelope envelope, String recipient, RoutingEvent.Outcome outcome, String code,
            String by) {
        List<RoutingListener> current = listeners.snapshot();
        if (current.isEmpty()) {
            return;
        }
        RoutingEvent event = new RoutingEvent(java.time.Instant.now(), envelope.id(), envelope.type(), envelope.from(),
                envelope.to(), recipient, outcome, code, by);
        for (RoutingListener listener : current) {
            try {
                listener.routed(event);
            } catch (RuntimeException e) {
                LOG.error("Routing listener {} failed on {}", listener, envelope, e);
            }
        }
    }

    private void refuseUnparsed(Connection connection, RegisteredAgent agent, String text, ProtocolException e) {
        FrameHints hints = codec.hints(text);
        String to = agent != null ? agent.did() : hints.from();
        LOG.warn("Unparseable frame from {} ({}): {} {}", connection.remoteAddress(), to, e.code(), e.getMessage());
        messenger.error(connection, to, hints.id(), e.code(), e.getMessage(), e.details());
        if (agent == null) {
            connection.close(Registrar.POLICY_VIOLATION, "the first frame must be a valid REGISTER");
        }
    }

    private void armRegisterDeadline(Connection connection) {
        long timeout = registerTimeoutMillis;
        ScheduledFuture<?> deadline = timers.schedule(() -> {
            registerDeadlines.remove(connection.id());
            if (connection.isOpen() && registry.byConnection(connection).isEmpty()) {
                LOG.warn("{} ({}) sent no REGISTER within {} s: closing", connection.id(), connection.remoteAddress(),
                        timeout / 1000);
                connection.close(Registrar.POLICY_VIOLATION, "REGISTER expected within " + timeout / 1000 + " s");
            }
        }, timeout, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = registerDeadlines.put(connection.id(), deadline);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private void cancelRegisterDeadline(Connection connection) {
        ScheduledFuture<?> deadline = registerDeadlines.remove(connection.id());
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindMetrics(GatewayMetrics service) {
        metrics = service;
    }

    void unbindMetrics(GatewayMetrics service) {
        if (metrics == service) {
            metrics = NoMetrics.INSTANCE;
        }
    }

    @Override
    public void expired(String recipient, StoredFrame frame) {
        sendError(frame.sender(), frame.id(), ErrorCode.TIMEOUT,
                "agent " + recipient + " did not come back within its mailbox grace period",
                Map.of("to", recipient, "reason", "mailbox_expired"));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindMailboxes(Mailboxes service) {
        mailboxes = service;
    }

    void unbindMailboxes(Mailboxes service) {
        if (mailboxes == service) {
            mailboxes = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindTransport(Transport service) {
        transport = service;
    }

    void unbindTransport(Transport service) {
        if (transport == service) {
            transport = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPolicy(RoutingPolicy policy, Map<String, Object> properties) {
        policies.add(policy, properties);
    }

    void removePolicy(RoutingPolicy policy) {
        policies.remove(policy);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(RoutingListener listener, Map<String, Object> properties) {
        listeners.add(listener, properties);
    }

    void removeListener(RoutingListener listener) {
        listeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(MessageHandler handler, Map<String, Object> properties) {
        handlers.add(handler, properties);
    }

    void removeHandler(MessageHandler handler) {
        handlers.remove(handler);
    }

    @Override
    public boolean forward(String did, String text) {
        RegisteredAgent target = registry.byDid(did).orElse(null);
        if (target == null || target.connection().send(text) != SendResult.QUEUED) {
            return false;
        }
        registry.frameSent(target);
        return true;
    }

    @Override
    public boolean send(String did, MessageType type, String correlationId, ObjectNode payload) {
        RegisteredAgent target = registry.byDid(did).orElse(null);
        if (target == null) {
            return false;
        }
        messenger.send(target.connection(), type, did, correlationId, payload);
        return true;
    }

    @Override
    public boolean sendError(String did, String correlationId, ErrorCode code, String message,
            Map<String, Object> details) {
        RegisteredAgent target = registry.byDid(did).orElse(null);
        if (target == null) {
            return false;
        }
        messenger.error(target.connection(), did, correlationId, code, message, details);
        return true;
    }

    @Override
    public List<String> policies() {
        List<String> names = new ArrayList<>();
        policies.snapshot().forEach(entry -> names.add(entry.describe()));
        return names;
    }

    @Override
    public List<String> handlers() {
        List<String> names = new ArrayList<>();
        handlers.snapshot().forEach(entry -> names.add(entry.describe()));
        return names;
    }
}
