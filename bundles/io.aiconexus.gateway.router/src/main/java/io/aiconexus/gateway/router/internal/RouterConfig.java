package io.aiconexus.gateway.router.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = GatewayRouter.PID, name = "AIConexus Gateway router",
        description = "Session rules and routing of frames between agents.")
public @interface RouterConfig {

    @AttributeDefinition(name = "REGISTER timeout (s)",
            description = "A connection that has not registered this long after the upgrade is closed (1008). "
                    + "Registered agents are not affected: they may stay silent until the idle timeout.")
    int registerTimeoutSeconds() default 10;
}
