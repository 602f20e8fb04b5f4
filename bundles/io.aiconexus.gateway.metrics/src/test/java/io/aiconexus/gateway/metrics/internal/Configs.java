package io.aiconexus.gateway.metrics.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Component configuration annotations with their metatype defaults, some values overridden: as DS builds them. */
final class Configs {

    private Configs() {
    }

    static <A> A of(Class<A> type, Map<String, Object> overrides) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (method.getName().equals("annotationType")) {
                return type;
            }
            Object value = overrides.get(method.getName());
            return value != null ? value : method.getDefaultValue();
        }));
    }
}
