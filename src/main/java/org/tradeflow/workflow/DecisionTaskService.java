package org.tradeflow.workflow;

import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;

import java.util.Map;

/**
 * The engine's task service as every caller sees it (Tasklist, engine REST, our own code): a completion sets
 * only what the task's form declares (checked by {@link TaskDecisionGuard} in the same command), and a four-eyes
 * task is never given to whoever submitted its order. Writing task variables any other way is refused to people
 * by {@link OutsideCommandGuard}.
 */
final class DecisionTaskService extends TaskServiceImpl {

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
        guard.complete(commandExecutor, taskId, variables, accepted -> new CompleteTaskCmd(taskId, accepted));
    }

    @Override
    public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
        return guard.complete(commandExecutor, taskId, variables,
                accepted -> new CompleteTaskCmd(taskId, accepted, true, deserializeValues));
    }

    @Override
    public void resolveTask(String taskId) {
        resolveTask(taskId, null);
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> variables) {
        guard.complete(commandExecutor, taskId, variables, accepted -> new ResolveTaskCmd(taskId, accepted));
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

    @Override
    public void setOwner(String taskId, String userId) {
        checkAssignee(taskId, userId);
        super.setOwner(taskId, userId);
    }

    @Override
    public void addCandidateUser(String taskId, String userId) {
        checkAssignee(taskId, userId);
        super.addCandidateUser(taskId, userId);
    }

    @Override
    public void addUserIdentityLink(String taskId, String userId, String identityLinkType) {
        checkAssignee(taskId, userId);
        super.addUserIdentityLink(taskId, userId, identityLinkType);
    }

    /** A task saved with a new assignee or owner (engine REST {@code PUT /task/{id}}) is checked like a claim. */
    @Override
    public void saveTask(Task task) {
        if (task.getId() != null) {
            checkAssignee(task.getId(), task.getAssignee());
            checkAssignee(task.getId(), task.getOwner());
        }
        super.saveTask(task);
    }

    private void checkAssignee(String taskId, String userId) {
        commandExecutor.execute(context -> {
            guard.checkAssignee(context, taskId, userId);
            return null;
        });
    }
}
