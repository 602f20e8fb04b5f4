package io.aiconexus.gateway.plugin.echoagent.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = EchoAgent.PID, name = "AIConexus Gateway echo agent",
        description = "An agent shipped as a bundle: it connects to this gateway over its own WebSocket, registers "
                + "with the capabilities echo and time, and answers EXEC_REQUEST frames.")
@interface EchoAgentConfig {

    @AttributeDefinition(name = "Key file",
            description = "The agent's Ed25519 key pair (made at first start, kept so that its DID survives restarts). "
                    + "Empty: agents/echo-agent.json in the gateway's data directory (framework property aiconexus.data).")
    String keyFile() default "";

    @AttributeDefinition(name = "Longest reconnect delay (s)",
            description = "After the connection drops the agent reconnects after 1 s, doubling the delay on each "
                    + "failure up to this.")
    int maxReconnectSeconds() default 30;
}
