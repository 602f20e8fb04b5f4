package io.aiconexus.gateway.verification.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(id = SignatureFrameVerifier.PID, name = "AIConexus Gateway frame verification",
        description = "Signature checks and the replay window applied to every frame.")
public @interface VerifierConfig {

    @AttributeDefinition(name = "Mode",
            description = "enforce: reject bad signatures, stale and replayed frames with INVALID_SIGNATURE; "
                    + "audit: count and log them, pass the frame on; off: check nothing.",
            options = { @Option(label = "enforce", value = "enforce"), @Option(label = "audit", value = "audit"),
                    @Option(label = "off", value = "off") })
    String mode() default "enforce";

    @AttributeDefinition(name = "Replay window (s)",
            description = "A frame whose timestamp is further than this from the gateway clock, either way, is stale; "
                    + "ids are remembered per sender for this long.")
    int replayWindowSeconds() default 300;

    @AttributeDefinition(name = "Ids remembered per sender",
            description = "Upper bound of ids remembered per sender inside the window; above it the oldest are forgotten early.")
    int maxIdsPerSender() default 100000;
}
