package org.tradeflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Drives the real engine the way its job executor would, but when the test says so: runs every job that is
 * due, fires timers on demand, and completes user tasks.
 */
@Component
public class ProcessDriver {

    private final ManagementService management;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final FormService forms;
    private final ObjectMapper objectMapper;
    private final JdbcTemplate jdbc;

    ProcessDriver(ManagementService management, TaskService tasks, RuntimeService runtime, FormService forms,
                  ObjectMapper objectMapper, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.management = management;
        this.tasks = tasks;
        this.runtime = runtime;
        this.forms = forms;
        this.objectMapper = objectMapper;
    }

    /**
     * Waits until every event published so far has been handled by its listeners (they run after the commit, in
     * their own thread, as in production), so the jobs they create exist before the test runs them.
     */
    public void awaitEventsHandled() {
        Awaitility.await("events handled by their listeners").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
                        Integer.class) == 0);
    }

    /** Runs the due jobs of an order's processes until none is left; a failing job fails the test. */
    public void runJobs(String orderNumber) {
        awaitEventsHandled();
        for (int round = 0; round < 100; round++) {
            List<Job> due = dueJobs(orderNumber);
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("Jobs of " + orderNumber + " keep coming: a loop in the process?");
    }

    /** Runs the due jobs of one process instance only (a shipment's, say), leaving its order's process where it is. */
    public void runJobsOf(String businessKey) {
        awaitEventsHandled();
        for (int round = 0; round < 100; round++) {
            List<Job> due = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
                    .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).messages().executable()
                            .list().stream())
                    .toList();
            if (due.isEmpty()) { // nothing due, or the process ended
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("Jobs of " + businessKey + " keep coming: a loop in the process?");
    }

    /**
     * Runs the due jobs of several orders one at a time, always the highest job priority first, as the job
     * executor acquires them (jobExecutorAcquireByPriority).
     */
    public void runJobsInPriorityOrder(List<String> orderNumbers) {
        awaitEventsHandled();
        for (int round = 0; round < 1000; round++) {
            Job next = orderNumbers.stream().flatMap(orderNumber -> dueJobs(orderNumber).stream())
                    .max(Comparator.comparingLong(Job::getPriority)).orElse(null);
            if (next == null) {
                return;
            }
            management.executeJob(next.getId());
        }
        throw new IllegalStateException("Jobs of " + orderNumbers + " keep coming: a loop in the process?");
    }

    /** Due async continuations (not timers) of the order's process and its shipments' processes. */
    private List<Job> dueJobs(String orderNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(orderNumber + "%").list().stream()
                .filter(instance -> belongsTo(instance.getBusinessKey(), orderNumber))
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId())
                        .messages().executable().list().stream())
                .toList();
    }

    /** Fires the timer waiting on the given boundary event, as if its time had come. */
    public void fireTimer(String businessKey, String activityId) {
        Job timer = management.createJobQuery().timers().activityId(activityId)
                .processInstanceId(processInstanceId(businessKey)).singleResult();
        if (timer == null) {
            throw new AssertionError("No timer on " + activityId + " for " + businessKey);
        }
        management.executeJob(timer.getId());
    }

    public Task task(String businessKey, String taskDefinitionKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    public List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
    }

    /**
     * What the task's form receives when Tasklist opens it (deserialized off, as Tasklist asks): the briefing values
     * (order, orderLines, problems, task, credit, ...) as JSON, and any stored variables as text.
     */
    public JsonNode formData(Task task) {
        ObjectNode data = objectMapper.createObjectNode();
        VariableMap variables = forms.getTaskFormVariables(task.getId(), null, false);
        for (String name : variables.keySet()) {
            TypedValue typed = variables.getValueTyped(name);
            try {
                data.set(name, typed instanceof SerializableValue serialized && serialized.getValueSerialized() != null
                        ? objectMapper.readTree(serialized.getValueSerialized()) : objectMapper.valueToTree(typed.getValue()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }

    public void complete(Task task, Map<String, Object> variables) {
        tasks.complete(task.getId(), variables);
    }

    /** The size of each variable of a process instance, as stored (characters of text, bytes of anything else). */
    public Map<String, Integer> runtimeVariableSizes(String processInstanceId) {
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId).disableCustomObjectDeserialization()
                .list().forEach(variable -> sizes.put(variable.getName(), String.valueOf(variable.getValue()).length()));
        return sizes;
    }

    public boolean isEnded(String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() == 0;
    }

    /** The order's own process, or one of its shipments' ({@code SO-100001-S2}). */
    private static boolean belongsTo(String businessKey, String orderNumber) {
        return businessKey.equals(orderNumber) || businessKey.startsWith(orderNumber + "-S");
    }

    private String processInstanceId(String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
    }

}
