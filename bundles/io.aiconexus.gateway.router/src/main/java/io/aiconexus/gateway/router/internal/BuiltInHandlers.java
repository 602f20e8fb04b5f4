package io.aiconexus.gateway.router.internal;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import io.aiconexus.gateway.router.MessageHandler;

/**
 * The router's own behaviour, registered as ordinary message handlers at ranking 0 so that an
 * operator can replace any of them with a higher-ranked service. The router registers them
 * itself, before its ConnectionHandler is published and after it is withdrawn: a router that
 * takes frames always has them, even while its bundle is being stopped or updated.
 */
final class BuiltInHandlers {
    private final List<ServiceRegistration<MessageHandler>> registrations = new ArrayList<>();

    void register(BundleContext context) {
        add(context, new DirectDeliveryHandler(), "direct-delivery", MessageHandler.TARGET_AGENT, null);
        add(context, new PingHandler(), "ping", MessageHandler.TARGET_GATEWAY, "PING");
        add(context, new UnregisterHandler(), "unregister", MessageHandler.TARGET_GATEWAY, "UNREGISTER");
    }

    void unregister() {
        for (ServiceRegistration<MessageHandler> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        registrations.clear();
    }

    private void add(BundleContext context, MessageHandler handler, String name, String target, String types) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(MessageHandler.NAME, name);
        properties.put(MessageHandler.TARGET, target);
        if (types != null) {
            properties.put(MessageHandler.TYPES, types);
        }
        properties.put(Constants.SERVICE_RANKING, 0);
        registrations.add(context.registerService(MessageHandler.class, handler, properties));
    }
}
