package io.aiconexus.gateway.identity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = GatewayIdentity.PID, name = "AIConexus Gateway identity",
        description = "The gateway's own did:key, which signs every frame the gateway sends.")
@interface GatewayIdentityConfig {

    @AttributeDefinition(name = "Key file",
            description = "Where the gateway's key pair is kept; made at first start. Empty: gateway-identity.json "
                    + "in the data directory (framework property aiconexus.data, default ./data).")
    String keyFile() default "";
}
