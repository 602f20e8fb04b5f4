package io.aiconexus.gateway.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Does for the benchmarks what SCR does inside Felix, so platform components run here unchanged:
 * configuration annotation types (package-private in their bundles) are implemented by proxies that
 * answer each attribute's default unless overridden, and DS lifecycle and bind methods (package-private
 * too) are invoked reflectively, as SCR invokes them.
 *
 * <p>Every lookup names the class and member it wanted, so a refactoring in a platform bundle shows up
 * as a clear setup failure of the benchmark, never as a silently different component.
 */
public final class ScrLike {

    private ScrLike() {
    }

    /**
     * An instance of the configuration annotation {@code annotationType} (a fully qualified name)
     * whose attributes are their defaults, except those named in {@code overrides}.
     */
    public static Object configuration(String annotationType, Map<String, Object> overrides) {
        Class<?> type = load(annotationType);
        if (!type.isAnnotation()) {
            throw new IllegalStateException(annotationType + " is not an annotation type");
        }
        for (String name : overrides.keySet()) {
            try {
                type.getDeclaredMethod(name);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(annotationType + " has no attribute " + name, e);
            }
        }
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            switch (method.getName()) {
                case "annotationType":
                    return type;
                case "toString":
                    return "@" + type.getName() + overrides;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    Object value = overrides.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
            }
        });
    }

    /** A new {@code className} through its public constructor with {@code arguments.length} parameters. */
    public static Object construct(String className, Object... arguments) {
        Class<?> type = load(className);
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.getParameterCount() == arguments.length && accepts(constructor.getParameterTypes(), arguments)) {
                try {
                    return constructor.newInstance(arguments);
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException("constructing " + className + " failed", e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot construct " + className, e);
                }
            }
        }
        throw new IllegalStateException(className + " has no public constructor taking " + arguments.length
                + " arguments of these types");
    }

    /** Calls the method {@code name} of {@code target} taking {@code arguments}, as SCR calls a DS method. */
    public static Object invoke(Object target, String name, Object... arguments) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == arguments.length
                        && accepts(method.getParameterTypes(), arguments)) {
                    try {
                        method.setAccessible(true);
                        return method.invoke(target, arguments);
                    } catch (InvocationTargetException e) {
                        throw new IllegalStateException(type.getName() + "." + name + " failed", e.getCause());
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot call " + type.getName() + "." + name, e);
                    }
                }
            }
        }
        throw new IllegalStateException(target.getClass().getName() + " has no method " + name + " taking "
                + arguments.length + " arguments of these types");
    }

    private static boolean accepts(Class<?>[] parameters, Object[] arguments) {
        for (int i = 0; i < parameters.length; i++) {
            Class<?> parameter = parameters[i].isPrimitive() ? boxed(parameters[i]) : parameters[i];
            if (arguments[i] != null && !parameter.isInstance(arguments[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> primitive) {
        return primitive == int.class ? Integer.class
                : primitive == long.class ? Long.class
                : primitive == boolean.class ? Boolean.class
                : primitive == double.class ? Double.class
                : Object.class;
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, true, ScrLike.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is not on the class path: has it been renamed?", e);
        }
    }
}
