package org.tradeflow.workflow;

import org.camunda.bpm.engine.exception.NotAllowedException;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.variable.VariableMap;

import java.util.Collection;
import java.util.Map;

/**
 * The engine's task service as every caller sees it (Tasklist, engine REST, our own code): a completion sets
 * only what the task's form declares (checked by {@link TaskDecisionGuard} in the same command), and task
 * variables cannot be written or removed any other way. Errors and escalations on tasks are not modelled in
 * our processes, so they cannot be thrown at them either.
 */
final class DecisionTaskService extends TaskServiceImpl {

    private static final String NO_VARIABLES = "Task variables are set by completing the task with its form's decision, "
            + "not one by one";

    private final TaskDecisionGuard guard;

    DecisionTaskService(TaskDecisionGuard guard) {
        this.guard = guard;
    }

    @Override
    public void complete(String taskId) {
        complete(taskId, null);
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        commandExecutor.execute(context -> new CompleteTaskCmd(taskId, guard.accept(context, taskId, variables))
                .execute(context));
    }

    @Override
    public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
        return commandExecutor.execute(context -> new CompleteTaskCmd(taskId, guard.accept(context, taskId, variables),
                true, deserializeValues).execute(context));
    }

    @Override
    public void resolveTask(String taskId) {
        resolveTask(taskId, null);
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> variables) {
        commandExecutor.execute(context -> new ResolveTaskCmd(taskId, guard.accept(context, taskId, variables))
                .execute(context));
    }

    @Override
    public void claim(String taskId, String userId) {
        checkAssignee(taskId, userId);
        super.claim(taskId, userId);
    }

    @Override
    public void setAssignee(String taskId, String userId) {
        checkAssignee(taskId, userId);
        super.setAssignee(taskId, userId);
    }

    @Override
    public void delegateTask(String taskId, String userId) {
        checkAssignee(taskId, userId);
        super.delegateTask(taskId, userId);
    }

    private void checkAssignee(String taskId, String userId) {
        commandExecutor.execute(context -> {
            guard.checkAssignee(context, taskId, userId);
            return null;
        });
    }

    @Override
    public void setVariable(String taskId, String variableName, Object value) {
        throw new NotAllowedException(NO_VARIABLES);
    }

    @Override
    public void setVariableLocal(String taskId, String variableName, Object value) {
        throw new NotAllowedException(NO_VARIABLES);
    }

    @Override
    public void setVariables(String taskId, Map<String, ?> variables) {
        throw new NotAllowedException(NO_VARIABLES);
    }

    @Override
    public void setVariablesLocal(String taskId, Map<String, ?> variables) {
        throw new NotAllowedException(NO_VARIABLES);
    }

    @Override
    public void updateVariables(String taskId, Map<String, ?> modifications, Collection<String> deletions) {
        throw new NotAllowedException(NO_VARIABLES);
    }

    @Override
    public void updateVariablesLocal(String taskId, Map<String, ?> modifications, Collection<String> deletions) {
        throw new NotAllowedException(NO_VARIABLES);
    }

    @Override
    public void removeVariable(String taskId, String variableName) {
        throw new NotAllowedException(NO_VARIABLES);
    }

    @Override
    public void removeVariableLocal(String taskId, String variableName) {
        throw new NotAllowedException(NO_VARIABLES);
    }

    @Override
    public void removeVariables(String taskId, Collection<String> variableNames) {
        throw new NotAllowedException(NO_VARIABLES);
    }

    @Override
    public void removeVariablesLocal(String taskId, Collection<String> variableNames) {
        throw new NotAllowedException(NO_VARIABLES);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode) {
        handleBpmnError(taskId, errorCode, null, null);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
        handleBpmnError(taskId, errorCode, errorMessage, null);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
        throw new NotAllowedException("Tasks are completed with their form's decision; no BPMN error is modelled on them");
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode) {
        handleEscalation(taskId, escalationCode, null);
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
        throw new NotAllowedException("Tasks are completed with their form's decision; no escalation is modelled on them");
    }
}
