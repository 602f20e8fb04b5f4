package io.aiconexus.gateway.router.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.router.MessageHandler;

/** A message handler with the service properties that say which frames it is offered. */
record HandlerEntry(MessageHandler handler, String name, boolean forGateway, Set<MessageType> types, int ranking) {

    static HandlerEntry of(MessageHandler handler, Map<String, Object> properties) {
        Object target = properties.get(MessageHandler.TARGET);
        boolean forGateway = !MessageHandler.TARGET_AGENT.equals(target);
        Set<MessageType> types = EnumSet.noneOf(MessageType.class);
        for (String name : strings(properties.get(MessageHandler.TYPES))) {
            MessageType type = MessageType.fromWire(name);
            if (type != null) {
                types.add(type);
            }
        }
        if (types.isEmpty()) {
            types = EnumSet.allOf(MessageType.class);
        }
        Object name = properties.getOrDefault(MessageHandler.NAME, handler.getClass().getName());
        return new HandlerEntry(handler, String.valueOf(name), forGateway, types, RankedServices.ranking(properties));
    }

    boolean accepts(boolean toGateway, MessageType type) {
        return forGateway == toGateway && types.contains(type);
    }

    String describe() {
        String typeList = types.size() == MessageType.values().length ? "*" : types.toString();
        return name + " [" + (forGateway ? MessageHandler.TARGET_GATEWAY : MessageHandler.TARGET_AGENT) + ", "
                + typeList + "] (ranking " + ranking + ")";
    }

    private static String[] strings(Object value) {
        if (value instanceof String[] array) {
            return array;
        }
        if (value instanceof String single) {
            return single.split("\\s*,\\s*");
        }
        return new String[0];
    }
}
