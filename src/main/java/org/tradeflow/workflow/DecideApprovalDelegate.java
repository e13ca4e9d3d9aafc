package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.approval.ApprovalService;

import java.util.Date;

import static org.tradeflow.workflow.OrderToCashProcess.Variables.APPROVAL_DUE_DATE;
import static org.tradeflow.workflow.OrderToCashProcess.Variables.APPROVAL_REQUIRED;
import static org.tradeflow.workflow.OrderToCashProcess.Variables.APPROVER_GROUP;

@Component
class DecideApprovalDelegate implements JavaDelegate {

    private final ApprovalService approvals;

    DecideApprovalDelegate(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ApprovalService.Approval approval = approvals.decide(ProcessVariables.orderId(execution));
        execution.setVariable(APPROVAL_REQUIRED, approval.required());
        if (approval.required()) {
            execution.setVariable(APPROVER_GROUP, approval.approverGroup());
            execution.setVariable(APPROVAL_DUE_DATE, Date.from(approval.dueAt()));
        }
    }
}
