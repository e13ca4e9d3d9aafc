package org.tradeflow.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine's form service: a submitted task form sets only what the form declares (the same guard as a
 * completion). When Tasklist renders a task form, the order is read from the database at that moment and handed to
 * the form as display values that are never stored, so no process variable grows with the order.
 */
final class DecisionFormService extends FormServiceImpl {

    private final TaskDecisionGuard guard;
    private final Supplier<TaskBriefing> briefing;
    private final ObjectMapper objectMapper;

    DecisionFormService(TaskDecisionGuard guard, Supplier<TaskBriefing> briefing, ObjectMapper objectMapper) {
        this.guard = guard;
        this.briefing = briefing;
        this.objectMapper = objectMapper;
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
        submitTaskFormWithVariablesInReturn(taskId, properties, false);
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties, boolean deserializeValues) {
        return guard.complete(commandExecutor, taskId, properties,
                accepted -> new SubmitTaskFormCmd(taskId, accepted, true, deserializeValues));
    }

    @Override
    @SuppressWarnings("deprecation")
    public void submitTaskFormData(String taskId, Map<String, String> properties) {
        submitTaskForm(taskId, properties == null ? null : new HashMap<>(properties));
    }

    @Override
    public VariableMap getTaskFormVariables(String taskId) {
        return getTaskFormVariables(taskId, null, true);
    }

    /** The stored variables the caller may read, plus the order as it is now (never stored). */
    @Override
    public VariableMap getTaskFormVariables(String taskId, Collection<String> formVariables, boolean deserializeObjectValues) {
        VariableMap variables = super.getTaskFormVariables(taskId, formVariables, deserializeObjectValues);
        TaskBriefing.Subject subject = commandExecutor.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            boolean ofAnOrder = task != null && task.getExecution() != null
                    && task.getExecution().getVariable(OrderToCashProcess.Variables.ORDER_ID) != null;
            return !ofAnOrder ? null : new TaskBriefing.Subject(task.getTaskDefinitionKey(),
                    ProcessVariables.orderId(task), task.getExecution().getProcessBusinessKey(), task.getDueDate(),
                    context.getAuthenticatedUserId());
        });
        if (subject == null) {
            return variables; // a task outside the order processes has nothing to show
        }
        briefing.get().describe(subject).forEach((name, value) -> {
            if (formVariables == null || formVariables.contains(name)) {
                variables.putValueTyped(name, json(value));
            }
        });
        return variables;
    }

    /** Tasklist parses values serialized as application/json into the form's data; nothing needs Spin. */
    private org.camunda.bpm.engine.variable.value.ObjectValue json(Object value) {
        try {
            return Variables.serializedObjectValue(objectMapper.writeValueAsString(value))
                    .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                    .objectTypeName(value.getClass().getName()).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A task briefing could not be written as JSON", e);
        }
    }
}
