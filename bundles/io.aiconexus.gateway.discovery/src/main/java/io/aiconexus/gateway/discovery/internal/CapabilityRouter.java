package io.aiconexus.gateway.discovery.internal;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
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

import com.fasterxml.jackson.databind.JsonNode;

import io.aiconexus.gateway.discovery.AgentSelector;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.registry.AgentRegistry;
import io.aiconexus.gateway.registry.RegisteredAgent;
import io.aiconexus.gateway.router.GatewaySender;
import io.aiconexus.gateway.router.MessageContext;
import io.aiconexus.gateway.router.MessageHandler;

/**
 * Capability routing (PROTOCOL.md section 10): an INTENT whose task names a capability, or an
 * EXEC_REQUEST with {@code payload.capability}, addressed to the gateway, goes unchanged to one
 * capable agent chosen by the configured {@link AgentSelector}. EXEC_REQUESTs are then tracked
 * until their answer: ERROR TIMEOUT at the deadline, another agent when the chosen one answers
 * ERROR or leaves, never the same agent twice for one request.
 */
@Component(service = MessageHandler.class, configurationPid = CapabilityRouter.PID,
        property = { MessageHandler.TARGET + "=" + MessageHandler.TARGET_GATEWAY,
                MessageHandler.TYPES + "=INTENT", MessageHandler.TYPES + "=EXEC_REQUEST",
                MessageHandler.NAME + "=capability-routing", "service.ranking:Integer=10" })
@Designate(ocd = CapabilityRoutingConfig.class)
public class CapabilityRouter implements MessageHandler {
    static final String PID = "io.aiconexus.gateway.discovery.routing";
    static final String RESERVED_PREFIX = "gateway.";
    static final int MAX_PENDING = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(CapabilityRouter.class);

    private final AgentRegistry registry;
    private final StatisticsBook statistics;
    private final ConcurrentHashMap<String, PendingRequest> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "aiconexus-execution-tracker");
        thread.setDaemon(true);
        return thread;
    });
    private final ServiceRegistration<MessageHandler> responseObserver;
    private volatile AgentSelector selector;
    private volatile GatewaySender sender;
    private volatile long defaultTimeoutNanos;
    private volatile int retries;

    @Activate
    public CapabilityRouter(@Reference AgentRegistry registry, @Reference StatisticsBook statistics,
            CapabilityRoutingConfig config, BundleContext context) {
        this.registry = registry;
        this.statistics = statistics;
        modified(config);
        sweeper.scheduleWithFixedDelay(this::sweep, 50, 50, TimeUnit.MILLISECONDS);
        responseObserver = context.registerService(MessageHandler.class, this::observeAnswer, observerProperties());
    }

    @Modified
    void modified(CapabilityRoutingConfig config) {
        defaultTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, config.defaultTimeoutMillis()));
        retries = Math.max(0, config.retries());
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
        try {
            responseObserver.unregister();
        } catch (IllegalStateException alreadyGone) {
            // unregistered with the stopping bundle
        }
    }

    @Override
    public boolean handle(MessageContext context) {
        Envelope envelope = context.envelope();
        if (envelope.type() == MessageType.INTENT) {
            String task = envelope.payload().path("task").asText(null);
            if (task == null || task.isEmpty() || task.startsWith(RESERVED_PREFIX)) {
                return false;
            }
            RegisteredAgent chosen = choose(task, envelope.from(), java.util.Set.of());
            if (chosen == null) {
                context.replyError(ErrorCode.UNKNOWN_AGENT, "no registered agent offers " + task, Map.of("capability", task));
            } else {
                context.forward(chosen.did());
            }
            return true;
        }
        JsonNode capability = envelope.payload().get("capability");
        if (capability == null || !capability.isTextual()) {
            return false;
        }
        track(context, envelope, capability.asText());
        return true;
    }

    private void track(MessageContext context, Envelope envelope, String capability) {
        if (capability.startsWith(RESERVED_PREFIX)) {
            context.replyError(ErrorCode.UNKNOWN_AGENT, capability + " is reserved for gateway services",
                    Map.of("capability", capability));
            return;
        }
        if (pending.size() >= MAX_PENDING) {
            context.replyError(ErrorCode.OVERLOADED, "too many requests in flight", Map.of("capability", capability));
            return;
        }
        JsonNode timeout = envelope.payload().get("timeout_ms");
        long timeoutNanos = timeout != null && timeout.canConvertToLong()
                ? TimeUnit.MILLISECONDS.toNanos(timeout.asLong()) : defaultTimeoutNanos;
        PendingRequest request = new PendingRequest(envelope.from(), envelope.id(), capability, envelope.text(),
                System.nanoTime() + timeoutNanos, retries);
        if (pending.putIfAbsent(request.key(), request) != null) {
            context.replyError(ErrorCode.MALFORMED_MESSAGE, "request " + envelope.id() + " is already in progress",
                    Map.of("field", "id"));
            return;
        }
        synchronized (request) {
            if (!dispatch(request)) {
                finish(request);
                context.replyError(ErrorCode.UNKNOWN_AGENT, "no registered agent offers " + capability,
                        Map.of("capability", capability));
            }
        }
    }

    /** Gives the request to the next eligible agent; false when none is left. Caller holds the request's monitor. */
    private boolean dispatch(PendingRequest request) {
        GatewaySender current = sender;
        while (current != null) {
            RegisteredAgent chosen = choose(request.capability, request.requester, request.tried);
            if (chosen == null) {
                return false;
            }
            request.tried.add(chosen.did());
            statistics.started(chosen.did());
            if (current.forward(chosen.did(), request.text)) {
                request.agent = chosen.did();
                request.agentConnection = chosen.connection().id();
                request.givenAtNanos = System.nanoTime();
                return true;
            }
            statistics.failed(chosen.did());
        }
        return false;
    }

    private RegisteredAgent choose(String capability, String requester, java.util.Set<String> excluded) {
        List<RegisteredAgent> candidates = registry.withCapability(capability, false).stream()
                .filter(agent -> !agent.did().equals(requester) && !excluded.contains(agent.did())).toList();
        AgentSelector current = selector;
        if (candidates.isEmpty() || current == null) {
            return null;
        }
        try {
            RegisteredAgent chosen = current.select(capability, candidates, statistics);
            return candidates.contains(chosen) ? chosen : candidates.get(0);
        } catch (RuntimeException e) {
            LOG.error("Agent selector {} failed for {}: taking the first capable agent", current, capability, e);
            return candidates.get(0);
        }
    }

    /** Sees EXEC_RESPONSE and ERROR frames on their way to requesters; consumes an ERROR that is retried. */
    private boolean observeAnswer(MessageContext context) {
        Envelope answer = context.envelope();
        if (answer.correlationId() == null) {
            return false;
        }
        PendingRequest request = pending.get(PendingRequest.key(answer.to(), answer.correlationId()));
        if (request == null) {
            return false;
        }
        synchronized (request) {
            if (request.finished || !answer.from().equals(request.agent)) {
                return false;
            }
            if (answer.type() == MessageType.EXEC_RESPONSE) {
                statistics.succeeded(request.agent, (System.nanoTime() - request.givenAtNanos) / 1e6);
                finish(request);
                return false;
            }
            statistics.failed(request.agent);
            if (request.retriesLeft > 0) {
                request.retriesLeft--;
                if (dispatch(request)) {
                    LOG.info("Request {} of {}: {} answered ERROR, retried on {}", request.id, request.requester,
                            answer.from(), request.agent);
                    return true;
                }
            }
            finish(request);
            return false;
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (PendingRequest request : pending.values()) {
            synchronized (request) {
                if (request.finished) {
                    continue;
                }
                if (now - request.deadlineNanos >= 0) {
                    statistics.timedOut(request.agent);
                    finish(request);
                    send(request, ErrorCode.TIMEOUT, "no answer from an agent offering " + request.capability + " in time",
                            "deadline");
                } else if (!holdsConnection(request)) {
                    statistics.failed(request.agent);
                    boolean retried = request.retriesLeft > 0 && dispatchRetry(request);
                    if (!retried) {
                        finish(request);
                        send(request, ErrorCode.UNKNOWN_AGENT,
                                "the agent handling the request left and no other agent offering " + request.capability
                                        + " can take it", "no_capable_agent_left");
                    }
                }
            }
        }
    }

    private boolean dispatchRetry(PendingRequest request) {
        request.retriesLeft--;
        return dispatch(request);
    }

    private boolean holdsConnection(PendingRequest request) {
        return registry.byDid(request.agent).map(agent -> agent.connection().id().equals(request.agentConnection))
                .orElse(false);
    }

    private void finish(PendingRequest request) {
        request.finished = true;
        pending.remove(request.key(), request);
    }

    private void send(PendingRequest request, ErrorCode code, String message, String reason) {
        GatewaySender current = sender;
        if (current != null) {
            current.sendError(request.requester, request.id, code, message,
                    Map.of("capability", request.capability, "attempts", request.tried.size(), "reason", reason));
        }
    }

    private static Hashtable<String, Object> observerProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(MessageHandler.TARGET, MessageHandler.TARGET_AGENT);
        properties.put(MessageHandler.TYPES, new String[] { "EXEC_RESPONSE", "ERROR" });
        properties.put(MessageHandler.NAME, "execution-tracker");
        properties.put(Constants.SERVICE_RANKING, 1000);
        return properties;
    }

    @Reference(name = "selector", policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindSelector(AgentSelector service) {
        selector = service;
    }

    void unbindSelector(AgentSelector service) {
        if (selector == service) {
            selector = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindSender(GatewaySender service) {
        sender = service;
    }

    void unbindSender(GatewaySender service) {
        if (sender == service) {
            sender = null;
        }
    }
}
