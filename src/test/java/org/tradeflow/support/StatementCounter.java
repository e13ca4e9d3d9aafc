package org.tradeflow.support;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Counts every JDBC statement the server sends to PostgreSQL, whoever sends it (Hibernate, JdbcTemplate, Camunda,
 * Flyway): the test context's data source is wrapped, so nothing can go round it. An execution is one round trip:
 * {@code executeBatch} counts once, its rows are counted apart. Statements of every thread count while a
 * {@link #record recording} runs (the HTTP request threads too); a thread can leave its own out ({@link #ignoring}).
 */
@Component
public class StatementCounter implements BeanPostProcessor {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
    private static final Set<String> BATCHES = Set.of("executeBatch", "executeLargeBatch");

    private final ThreadLocal<Boolean> ignored = ThreadLocal.withInitial(() -> false);
    private volatile Recording recording;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection connection ? proxy(Connection.class, connection, this::connection) : result;
            });
        }
        return bean;
    }

    /** Runs the action and returns what it cost. */
    public Count record(Runnable action) {
        Recording current = new Recording();
        recording = current;
        try {
            action.run();
        } finally {
            recording = null;
        }
        return current.count();
    }

    /** Statements of this thread during the action are not counted (a test's own look-ups). */
    public <T> T ignoring(Supplier<T> action) {
        boolean before = ignored.get();
        ignored.set(true);
        try {
            return action.get();
        } finally {
            ignored.set(before);
        }
    }

    private Object connection(Object target, Method method, Object[] args) throws Throwable {
        Object result = invoke(target, method, args);
        if (result instanceof PreparedStatement statement && args != null && args.length > 0 && args[0] instanceof String sql) {
            // CallableStatement is a PreparedStatement: the proxy implements what the statement object implements
            return proxy(method.getReturnType(), statement, (t, m, a) -> statement(t, m, a, sql));
        }
        if (result instanceof Statement statement) {
            return proxy(Statement.class, statement, (t, m, a) -> statement(t, m, a, null));
        }
        return result;
    }

    private Object statement(Object target, Method method, Object[] args, String preparedSql) throws Throwable {
        Recording current = recording;
        if (current != null && !ignored.get()) {
            if (EXECUTIONS.contains(method.getName())) {
                current.executed(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql, false);
            } else if (BATCHES.contains(method.getName())) {
                current.executed(preparedSql == null ? "(batch of statements)" : preparedSql, true);
            } else if (method.getName().equals("addBatch")) {
                current.batchedRows.increment();
            }
        }
        return invoke(target, method, args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> {
                    if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted && wanted.isInstance(proxy)) {
                        return proxy;
                    }
                    return handler.invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static final class Recording {
        private final LongAdder statements = new LongAdder();
        private final LongAdder batches = new LongAdder();
        private final LongAdder batchedRows = new LongAdder();
        private final Map<String, AtomicInteger> bySql = new ConcurrentHashMap<>();

        void executed(String sql, boolean batch) {
            statements.increment();
            if (batch) {
                batches.increment();
            }
            bySql.computeIfAbsent(sql == null ? "?" : sql.replaceAll("\\s+", " ").trim(), s -> new AtomicInteger()).incrementAndGet();
        }

        Count count() {
            return new Count(statements.intValue(), batches.intValue(), batchedRows.intValue(), Map.copyOf(
                    bySql.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))));
        }
    }

    /** Round trips (batches among them, each once), rows sent in batches, and how often each statement ran. */
    public record Count(int statements, int batches, int batchedRows, Map<String, Integer> bySql) {

        /** The statements that ran most often, for a report. */
        public String top(int n) {
            return bySql.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                    .limit(n)
                    .map(e -> String.format(Locale.ROOT, "%6d  %s", e.getValue(),
                            e.getKey().length() > 160 ? e.getKey().substring(0, 157) + "..." : e.getKey()))
                    .collect(Collectors.joining("\n"));
        }
    }
}
