package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

import java.beans.FeatureDescriptor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expressions in the processes reach what the processes use and nothing else: variables, the delegates and
 * listeners (by bean name) and the two helpers the models call. Methods run only on those very beans (methods their
 * own class declares) and on the variable look-ups of an execution or task; no property of anything but a map or
 * list is read, so no chain of getters leads to other beans, the engine, the data source or reflection, and an
 * expression cannot become a way to run code even if a model carried one.
 */
final class ProcessExpressionManager extends JuelExpressionManager {

    /**
     * Beans the first order-to-cash model calls by name besides delegates and listeners (its gateways ask
     * {@code substitutions}, its fulfilment loop {@code processLists}); the current model reads variables only.
     * Remove once no v1 instance runs.
     */
    private static final Set<String> HELPERS = Set.of("processLists", "substitutions");
    private static final Set<String> VARIABLE_LOOKUPS = Set.of("hasVariable", "getVariable", "hasVariableLocal",
            "getVariableLocal", "getVariableTyped");

    private final ApplicationContext applicationContext;

    ProcessExpressionManager(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    protected ELResolver createElResolver() {
        ProcessBeans beans = new ProcessBeans(applicationContext, processBeanNames());
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new OwnCodeOnly(beans));
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(beans);
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        resolver.add(new BeanELResolver(true));
        return resolver;
    }

    /** Bean names, read from the definitions (nothing is created while the engine is built). */
    private Set<String> processBeanNames() {
        Set<String> names = new HashSet<>(HELPERS);
        Stream.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class)
                .flatMap(type -> Arrays.stream(applicationContext.getBeanNamesForType(type, false, false)))
                .forEach(names::add);
        return Set.copyOf(names);
    }

    /** Resolves the allowed beans by name (every other name is left to the variables, and then unknown). */
    private static final class ProcessBeans extends ReadOnlyResolver {
        private final ApplicationContext applicationContext;
        private final Set<String> names;
        /** The bean instances handed out, by identity: the only objects whose methods expressions may call. */
        private final Set<Object> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());

        ProcessBeans(ApplicationContext applicationContext, Set<String> names) {
            this.applicationContext = applicationContext;
            this.names = names;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null && property instanceof String name && names.contains(name)) {
                context.setPropertyResolved(true);
                Object bean = applicationContext.getBean(name);
                synchronized (handedOut) {
                    handedOut.add(bean);
                }
                return bean;
            }
            return null;
        }

        boolean isProcessBean(Object candidate) {
            synchronized (handedOut) {
                return handedOut.contains(candidate);
            }
        }
    }

    /** Refuses, before any other resolver runs, a call or a property read that leaves the processes' own code. */
    private static final class OwnCodeOnly extends ReadOnlyResolver {
        private final ProcessBeans beans;

        OwnCodeOnly(ProcessBeans beans) {
            this.beans = beans;
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (base == null) {
                return null; // a function, resolved by the function mapper
            }
            String name = String.valueOf(method);
            boolean variableLookup = base instanceof VariableScope && VARIABLE_LOOKUPS.contains(name);
            boolean beanMethod = beans.isProcessBean(base) && Arrays.stream(ClassUtils.getUserClass(base).getDeclaredMethods())
                    .anyMatch(declared -> declared.getName().equals(name) && Modifier.isPublic(declared.getModifiers()));
            if (variableLookup || beanMethod) {
                return null; // the next resolvers invoke it
            }
            throw new ELException("Expressions may not call " + ClassUtils.getUserClass(base).getName() + "." + name + "()");
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null || base instanceof Map<?, ?> || base instanceof List<?> || base.getClass().isArray()) {
                return null;
            }
            throw new ELException("Expressions may not read " + property + " of " + ClassUtils.getUserClass(base).getName()
                    + "; they read variables and call the processes' beans");
        }
    }

    /** An EL resolver that only reads. */
    private abstract static class ReadOnlyResolver extends ELResolver {
        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            // expressions in the processes never assign
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return Object.class;
        }
    }
}
