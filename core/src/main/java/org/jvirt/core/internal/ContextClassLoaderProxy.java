package org.jvirt.core.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One generic {@link InvocationHandler} that sets the thread context class loader to a plugin's
 * class loader around every call into a plugin's API object (the Trino rule), and wraps what the
 * call returns the same way: API objects ({@code Domain}, {@code StoragePool}, ...), and lists,
 * sets and optionals of them. Arguments that are such wrappers are unwrapped before they reach the
 * plugin, so a plugin always sees its own objects. {@code equals} and {@code hashCode} follow the
 * wrapped object; two wrappers of equal objects are equal. Exceptions pass through unchanged.
 *
 * <p>Being a dynamic proxy over every interface the object implements, no method can be forgotten.
 */
public final class ContextClassLoaderProxy implements InvocationHandler {
    private static final String API_PACKAGE = "org.jvirt.api";

    private static final ClassValue<Class<?>[]> INTERFACES = new ClassValue<>() {
        @Override
        protected Class<?>[] computeValue(Class<?> type) {
            Set<Class<?>> all = new LinkedHashSet<>();
            collect(type, all);
            return all.stream().filter(i -> Modifier.isPublic(i.getModifiers())).toArray(Class<?>[]::new);
        }
    };

    private final Object target;
    private final ClassLoader loader;

    private ContextClassLoaderProxy(Object target, ClassLoader loader) {
        this.target = target;
        this.loader = loader;
    }

    /**
     * Wraps an object if it is a jvirt API object (it implements an interface of {@code org.jvirt.api});
     * lists, sets and optionals are rebuilt with wrapped elements; anything else is returned as is.
     *
     * @param value the value a plugin returned
     * @param loader the plugin's class loader
     * @return the wrapped value
     */
    public static Object wrap(Object value, ClassLoader loader) {
        if (value == null || isWrapper(value)) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            boolean changed = false;
            for (Object o : list) {
                Object w = wrap(o, loader);
                changed |= w != o;
                out.add(w);
            }
            return changed ? Collections.unmodifiableList(out) : value;
        }
        if (value instanceof Set<?> set) {
            Set<Object> out = new LinkedHashSet<>();
            boolean changed = false;
            for (Object o : set) {
                Object w = wrap(o, loader);
                changed |= w != o;
                out.add(w);
            }
            return changed ? Collections.unmodifiableSet(out) : value;
        }
        if (value instanceof Optional<?> opt) {
            return opt.isPresent() ? Optional.of(wrap(opt.get(), loader)) : opt;
        }
        Class<?>[] interfaces = INTERFACES.get(value.getClass());
        boolean api = false;
        for (Class<?> i : interfaces) {
            api |= i.getPackageName().equals(API_PACKAGE);
        }
        if (!api) {
            return value;
        }
        return Proxy.newProxyInstance(value.getClass().getClassLoader() == null ? loader
                : value.getClass().getClassLoader(), interfaces, new ContextClassLoaderProxy(value, loader));
    }

    /** Whether an object is a wrapper made here. */
    public static boolean isWrapper(Object o) {
        return o != null && Proxy.isProxyClass(o.getClass())
                && Proxy.getInvocationHandler(o) instanceof ContextClassLoaderProxy;
    }

    /** The plugin object behind a wrapper, or the object itself. */
    public static Object unwrap(Object o) {
        return isWrapper(o) ? ((ContextClassLoaderProxy) Proxy.getInvocationHandler(o)).target : o;
    }

    /** The plugin class loader a wrapper installs, if {@code o} is a wrapper. */
    public static Optional<ClassLoader> loaderOf(Object o) {
        return isWrapper(o) ? Optional.of(((ContextClassLoaderProxy) Proxy.getInvocationHandler(o)).loader)
                : Optional.empty();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            switch (method.getName()) {
                case "equals":
                    return args[0] == proxy || callInPlugin(() -> target.equals(unwrap(args[0])));
                case "hashCode":
                    return callInPlugin(target::hashCode);
                default:
                    return callInPlugin(target::toString);
            }
        }
        if (method.getName().equals("unwrap") && args != null && args.length == 1 && args[0] instanceof Class<?> c
                && c.isInstance(proxy)) {
            return proxy;
        }
        Object[] plain = args;
        if (args != null) {
            plain = args.clone();
            for (int i = 0; i < plain.length; i++) {
                plain[i] = unwrap(plain[i]);
            }
        }
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        Object result;
        try {
            result = method.invoke(target, plain);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            t.setContextClassLoader(saved);
        }
        return wrap(result, loader);
    }

    private <T> T callInPlugin(java.util.function.Supplier<T> call) {
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return call.get();
        } finally {
            t.setContextClassLoader(saved);
        }
    }

    private static void collect(Class<?> type, Set<Class<?>> out) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (out.add(i)) {
                    collect(i, out);
                }
            }
        }
    }
}
