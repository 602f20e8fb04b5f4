package io.aiconexus.gateway.plugin.accesscontrol.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(id = AccessControlPolicy.PID, name = "AIConexus Gateway access control",
        description = "Allow/deny rules by sender DID, recipient DID and message type. The first rule that matches a "
                + "frame decides; a denied frame is answered with FORBIDDEN.")
@interface AccessControlConfig {

    @AttributeDefinition(name = "Rules",
            description = "One rule per entry, checked in order: ACTION [from=PATTERNS] [to=PATTERNS] [types=TYPES]. "
                    + "ACTION is allow or deny. PATTERNS is * or a comma-separated list of exact DIDs and DID prefixes "
                    + "ending in * (e.g. did:key:z6Mk*); to= also takes gateway for frames to the gateway. TYPES is * or "
                    + "a comma-separated list of message types (OFFER,ANSWER). An omitted field matches everything. "
                    + "Entries starting with # are ignored. Example: deny from=did:key:zABC* to=* types=OFFER,ANSWER. "
                    + "If any rule is invalid the whole list is rejected and the previous rules stay in force "
                    + "(with none before, every frame is refused until the rules are fixed).")
    String[] rules() default {};

    @AttributeDefinition(name = "Default action",
            description = "What happens to a frame that no rule matches.",
            options = { @Option(label = "allow", value = "allow"), @Option(label = "deny", value = "deny") })
    String defaultAction() default "allow";
}
