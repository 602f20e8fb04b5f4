package io.aiconexus.gateway.discovery.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(id = CapabilityRouter.PID, name = "AIConexus Gateway capability routing",
        description = "Routes INTENTs and EXEC_REQUESTs addressed to a capability to a capable agent, and tracks "
                + "each EXEC_REQUEST until its answer, its timeout or its last retry.")
public @interface CapabilityRoutingConfig {

    @AttributeDefinition(name = "Selection policy",
            description = "Which capable agent gets a request: the AgentSelector service with this filter.",
            options = { @Option(label = "round robin", value = "(ioap.selector.name=round-robin)"),
                    @Option(label = "least in flight", value = "(ioap.selector.name=least-in-flight)"),
                    @Option(label = "best recent success rate and latency", value = "(ioap.selector.name=best-recent)") })
    String selector_target() default "(ioap.selector.name=round-robin)";

    @AttributeDefinition(name = "Default timeout (ms)",
            description = "How long an EXEC_REQUEST without payload.timeout_ms may take, retries included, before the "
                    + "requester gets ERROR TIMEOUT.")
    long defaultTimeoutMillis() default 30000;

    @AttributeDefinition(name = "Retries",
            description = "How many other agents are tried when the chosen one answers ERROR or disconnects; never the "
                    + "same agent twice for one request.")
    int retries() default 1;
}
