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

import java.beans.FeatureDescriptor;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expressions in the processes reach what the processes use and nothing else: variables, the delegates and
 * listeners (by bean name) and the two helpers the models call. Methods run only on our own beans and the
 * variable look-ups of an execution or task; reflection, class loading and other beans are out of reach, so
 * an expression cannot become a way to run code even if a model carried one.
 */
final class ProcessExpressionManager extends JuelExpressionManager {

    /** Beans the models call by name besides delegates and listeners. */
    private static final Set<String> HELPERS = Set.of("processLists", "substitutions");
    private static final Set<String> VARIABLE_LOOKUPS = Set.of("hasVariable", "getVariable", "hasVariableLocal",
            "getVariableLocal", "getVariableTyped", "getProcessBusinessKey", "getBusinessKey");

    private final ApplicationContext applicationContext;

    ProcessExpressionManager(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new OwnCodeOnly());
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new ProcessBeans(applicationContext, processBeanNames()));
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

    /** Resolves the allowed beans by name; every other name is left to the variables (and then unknown). */
    private static final class ProcessBeans extends ReadOnlyResolver {
        private final ApplicationContext applicationContext;
        private final Set<String> names;

        ProcessBeans(ApplicationContext applicationContext, Set<String> names) {
            this.applicationContext = applicationContext;
            this.names = names;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null && property instanceof String name && names.contains(name)) {
                context.setPropertyResolved(true);
                return applicationContext.getBean(name);
            }
            return null;
        }
    }

    /** Refuses, before any other resolver runs, a call or property that leaves the processes' own code. */
    private static final class OwnCodeOnly extends ReadOnlyResolver {

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (base == null || ownCode(base) || (base instanceof VariableScope && VARIABLE_LOOKUPS.contains(String.valueOf(method)))) {
                return null; // the next resolvers invoke it
            }
            throw new ELException("Expressions may not call " + base.getClass().getName() + "." + method + "()");
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null) {
                return null;
            }
            if (base instanceof Class<?> || base instanceof ClassLoader || base instanceof Thread || base instanceof Runtime
                    || base instanceof Module || base.getClass().getName().startsWith("java.lang.reflect.")) {
                throw new ELException("Expressions may not read " + property + " of " + base.getClass().getName());
            }
            return null;
        }

        private static boolean ownCode(Object base) {
            return base.getClass().getName().startsWith("org.tradeflow.");
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
