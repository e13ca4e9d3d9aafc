package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.tradeflow.audit.AuditTrail;

import java.util.ArrayList;
import java.util.List;

/**
 * Records every human decision in the order's audit trail: which task, who, what they decided and why.
 * Added to all user tasks at parse time so no BPMN can forget it.
 */
@Component
class TaskDecisionAuditPlugin extends AbstractProcessEnginePlugin {

    private final AuditTrail audit;

    TaskDecisionAuditPlugin(@Lazy AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_COMPLETE, TaskDecisionAuditPlugin.this::recordDecision);
            }
        });
    }

    private void recordDecision(DelegateTask task) {
        if (task.getVariable(OrderToCashProcess.Variables.ORDER_ID) == null) {
            return; // a request of its own (a price correction) keeps who decided what itself
        }
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = user != null ? user.getUserId() : task.getAssignee() != null ? task.getAssignee() : AuditTrail.SYSTEM;
        String decision = OrderToCashProcess.UserTask.of(task.getTaskDefinitionKey())
                .flatMap(OrderToCashProcess.UserTask::decisionVariable)
                .map(variable -> variable + "=" + task.getVariable(variable) + ", ").orElse("");
        audit.recordAs(actor, ProcessVariables.orderId(task), "TASK_COMPLETED",
                task.getName() + ": " + decision + "comment: " + ProcessVariables.comment(task));
    }
}
