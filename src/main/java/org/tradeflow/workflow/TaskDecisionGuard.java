package org.tradeflow.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.tradeflow.order.OrderLifecycle;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What completing a user task may do to its process: set the decision and comment its form declares, with
 * values the form offers, and nothing else. Ids, priorities and outcomes stay the process's own, so a person
 * holding one task can neither retarget the process at another order nor skip a step. A four-eyes task is
 * never decided by whoever submitted the order. Runs inside the engine command that completes the task.
 */
final class TaskDecisionGuard {

    private final ObjectMapper objectMapper;
    private final Supplier<OrderLifecycle> orders;
    /** Deployed forms never change: parsed once per deployment, by form id. */
    private final Map<String, Map<String, TaskForm>> formsByDeployment = new ConcurrentHashMap<>();

    TaskDecisionGuard(ObjectMapper objectMapper, Supplier<OrderLifecycle> orders) {
        this.objectMapper = objectMapper;
        this.orders = orders;
    }

    /**
     * Completes the task with what its form allows, in one command: {@code completion} makes the engine's own
     * completion command from the accepted variables. A task that someone else completed meanwhile is reported gone
     * (404), also when the engine only notices it as missing permissions (its authorizations went with it) or as
     * variables its listeners no longer find, or fails on an execution the winner's commit ended while this one ran.
     */
    <T> T complete(CommandExecutor executor, String taskId, Map<String, Object> submitted,
                   Function<VariableMap, Command<T>> completion) {
        try {
            return executor.execute(context -> completion.apply(accept(context, taskId, submitted)).execute(context));
        } catch (RuntimeException refused) {
            // whatever the loser of a race tripped over (the engine may fail on the winner's ended execution with
            // any exception), a task that is gone now was completed by someone else
            if (executor.execute(context -> context.getTaskManager().findTaskById(taskId)) == null) {
                throw gone(taskId);
            }
            throw refused;
        }
    }

    /**
     * The variables the completion may set: the form's inputs, checked; echoed display fields are dropped, and a
     * declared input left out is cleared (an earlier decision's comment never passes for this one's).
     */
    private VariableMap accept(CommandContext context, String taskId, Map<String, Object> submitted) {
        TaskEntity task = task(context, taskId);
        // may this caller work on the task at all? asked before anything about it is said
        context.getProcessEngineConfiguration().getCommandCheckers().forEach(checker -> checker.checkTaskWork(task));
        checkFourEyes(task, context.getAuthenticatedUserId(), "decide");
        TaskForm form = form(context, task).orElse(null);
        Map<String, Object> values = new HashMap<>();
        if (submitted instanceof VariableMap typed) {
            // typed values are looked at without deserializing them: a serialized object is refused, never read
            typed.keySet().forEach(name -> values.put(name, plain(name, typed.getValueTyped(name))));
        } else if (submitted != null) {
            submitted.forEach((name, value) -> values.put(name, value instanceof TypedValue typedValue ? plain(name, typedValue) : value));
        }
        VariableMap accepted = Variables.createVariables();
        Set<String> undeclared = new TreeSet<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String name = entry.getKey();
            if (form != null && form.displayKeys().contains(name)) {
                continue; // Tasklist sends read-only fields back; they are for display and are never stored
            }
            TaskForm.Input input = form == null ? null : form.input(name).orElse(null);
            if (input == null) {
                undeclared.add(name);
            } else {
                accepted.putValue(name, checked(task, input, entry.getValue()));
            }
        }
        if (!undeclared.isEmpty()) {
            throw refused("'" + task.getName() + "' takes " + describeInputs(form) + "; " + undeclared.stream()
                    .map(name -> "'" + name + "'").collect(Collectors.joining(", ")) + " cannot be set by completing it");
        }
        if (form != null) {
            form.inputs().keySet().forEach(key -> {
                if (!accepted.containsKey(key)) {
                    accepted.putValue(key, null);
                }
            });
            Object decision = OrderToCashProcess.UserTask.of(task.getTaskDefinitionKey())
                    .flatMap(OrderToCashProcess.UserTask::decisionVariable).map(accepted::get).orElse(null);
            for (TaskForm.Input input : form.inputs().values()) {
                if (input.required() && isBlank(accepted.get(input.key()))) {
                    throw refused("'" + task.getName() + "' needs " + input.key()
                            + (input.values().isEmpty() ? "" : " (one of " + new TreeSet<>(input.values()) + ")")
                            + ": no decision is taken silently");
                }
                if (input.requiredWhenDecision() != null && input.requiredWhenDecision().equals(decision)
                        && isBlank(accepted.get(input.key()))) {
                    throw refused("'" + task.getName() + "': " + input.requiredWhenDecision()
                            + " needs a reason in " + input.key());
                }
            }
        }
        return accepted;
    }

    /** Claiming, assigning or delegating a four-eyes task to the order's submitter is refused up front. */
    void checkAssignee(CommandContext context, String taskId, String userId) {
        TaskEntity task = userId == null || taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task != null) { // a task not stored yet has no order to protect
            checkFourEyes(task, userId, "take");
        }
    }

    private static TaskEntity task(CommandContext context, String taskId) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            throw gone(taskId);
        }
        return task;
    }

    private static NotFoundException gone(String taskId) {
        return new NotFoundException("Task " + taskId + " does not exist: it was completed or cancelled meanwhile");
    }

    private void checkFourEyes(TaskEntity task, String userId, String verb) {
        boolean fourEyes = OrderToCashProcess.UserTask.of(task.getTaskDefinitionKey()).map(OrderToCashProcess.UserTask::fourEyes)
                .orElse(false);
        if (!fourEyes || userId == null || task.getExecution() == null) {
            return;
        }
        // a request of its own (a price correction, a return) names who asked; otherwise the order's submitter is the one
        Object requester = task.getExecution().getVariable(ProcessVariables.REQUESTED_BY);
        String submitter = requester != null ? requester.toString()
                : orders.get().get(ProcessVariables.orderId(task.getExecution())).getCreatedBy();
        if (userId.equals(submitter)) {
            throw new AuthorizationException(userId + (requester != null ? " asked for " : " submitted order ")
                    + task.getExecution().getProcessBusinessKey() + " and may not " + verb + " '" + task.getName()
                    + "' for it: four eyes, another member of the group decides");
        }
    }

    private Object checked(TaskEntity task, TaskForm.Input input, Object value) {
        String where = "'" + task.getName() + "', " + input.key();
        if (value == null) {
            return null;
        }
        if (input.isCheckbox()) {
            if (!(value instanceof Boolean)) {
                throw refused(where + ": true or false expected");
            }
            return value;
        }
        if (!(value instanceof String text)) {
            throw refused(where + ": text expected");
        }
        if (input.isChoice() && !input.values().contains(text)) {
            throw refused(where + ": one of " + new TreeSet<>(input.values()) + " expected, not '" + text + "'");
        }
        if (input.isText() && text.length() > input.maxLength()) {
            throw refused(where + ": at most " + input.maxLength() + " characters");
        }
        if (text.indexOf('\0') >= 0) {
            throw refused(where + ": must not contain NUL characters");
        }
        return text;
    }

    /** Only plain values come from a person: no serialized objects, files or bytes. */
    private static Object plain(String name, TypedValue typed) {
        ValueType type = typed.getType();
        if (type == null) {
            return typed.getValue(); // a plain Java value from our own code: its type is checked against the form
        }
        if (!type.isPrimitiveValueType() || type == ValueType.BYTES || type == ValueType.FILE) {
            throw refused(name + ": only text and true/false values can be submitted"
                    + ", not " + type.getName());
        }
        return typed.getValue();
    }

    private Optional<TaskForm> form(CommandContext context, TaskEntity task) {
        if (task.getTaskDefinition() == null || task.getTaskDefinition().getCamundaFormDefinitionKey() == null) {
            return Optional.empty();
        }
        String formId = task.getTaskDefinition().getCamundaFormDefinitionKey().getExpressionText();
        String deploymentId = task.getProcessDefinition().getDeploymentId();
        Map<String, TaskForm> forms = formsByDeployment.computeIfAbsent(deploymentId, id ->
                context.getResourceManager().findResourcesByDeploymentId(id).stream()
                        .filter(resource -> resource.getName().endsWith(".form"))
                        .map(ResourceEntity::getBytes).map(bytes -> TaskForm.parse(bytes, objectMapper))
                        .collect(Collectors.toUnmodifiableMap(TaskForm::id, form -> form)));
        return Optional.ofNullable(forms.get(formId));
    }

    /** Both REST APIs (engine REST and Tasklist's) answer a refused form field 400 with this message. */
    private static FormFieldValidationException refused(String message) {
        return new FormFieldValidationException("decision", message);
    }

    private static String describeInputs(TaskForm form) {
        return form == null || form.inputs().isEmpty() ? "no variables" : String.join(" and ", new TreeSet<>(form.inputs().keySet()));
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
