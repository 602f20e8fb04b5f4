package io.aiconexus.gateway.registry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = InMemoryAgentRegistry.PID, name = "AIConexus Gateway agent registry",
        description = "Who is connected, and when an agent that stays silent is dropped.")
public @interface RegistryConfig {

    @AttributeDefinition(name = "Idle timeout (s)",
            description = "An agent that sends no frame for this long is disconnected (close 1000, 'idle timeout') and removed.")
    int idleTimeoutSeconds() default 300;

    @AttributeDefinition(name = "Idle sweep interval (s)", description = "How often idle agents are looked for.")
    int sweepIntervalSeconds() default 5;
}
