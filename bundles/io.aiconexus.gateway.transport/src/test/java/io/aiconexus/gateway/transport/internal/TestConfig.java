package io.aiconexus.gateway.transport.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** A {@link TransportConfig} as DS would build it: the annotation defaults, port 0, and the given overrides. */
final class TestConfig {

    private TestConfig() {
    }

    static TransportConfig with(Object... nameValuePairs) {
        Map<String, Object> values = new HashMap<>();
        values.put("port", 0);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            values.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        for (String name : values.keySet()) {
            try {
                TransportConfig.class.getDeclaredMethod(name);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("TransportConfig has no attribute " + name, e);
            }
        }
        return (TransportConfig) Proxy.newProxyInstance(TransportConfig.class.getClassLoader(),
                new Class<?>[] {TransportConfig.class}, (proxy, method, args) -> answer(values, method));
    }

    private static Object answer(Map<String, Object> values, Method method) {
        return switch (method.getName()) {
            case "annotationType" -> TransportConfig.class;
            case "toString" -> "TransportConfig" + values;
            case "hashCode" -> values.hashCode();
            default -> values.getOrDefault(method.getName(), method.getDefaultValue());
        };
    }
}
