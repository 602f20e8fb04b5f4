package io.aiconexus.gateway.mailbox.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = FileMailboxes.PID, name = "AIConexus Gateway mailboxes",
        description = "Frames for agents that dropped without UNREGISTER, kept on disk for a grace period.")
public @interface MailboxConfig {

    @AttributeDefinition(name = "Grace period (s)",
            description = "How long frames wait for an agent that dropped; then each sender gets ERROR TIMEOUT.")
    int graceSeconds() default 60;

    @AttributeDefinition(name = "Frames per mailbox",
            description = "Frames kept per absent agent; beyond it senders get OVERLOADED. Keep it below the "
                    + "transport's outbound queue so a returning agent can take its whole mailbox.")
    int maxFrames() default 1000;

    @AttributeDefinition(name = "Bytes per mailbox", description = "Frame text kept per absent agent, in bytes.")
    int maxBytes() default 8 * 1024 * 1024;

    @AttributeDefinition(name = "Directory",
            description = "Where mailboxes are kept. Empty: mailbox/ in the data directory (framework property aiconexus.data).")
    String directory() default "";

    @AttributeDefinition(name = "Sync to disk",
            description = "fsync every kept frame: survives a power cut, not only a crashed or killed gateway, at a cost per "
                    + "frame. The sync runs on the thread that routes the frame, by default a transport selector thread "
                    + "that serves other connections too: on a slow disk, also turn off framesOnSelectors of "
                    + "io.aiconexus.gateway.transport.")
    boolean fsync() default false;
}
