package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.approval.ApprovalService;

@Component
class EscalateApprovalDelegate implements JavaDelegate {

    private final ApprovalService approvals;

    EscalateApprovalDelegate(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        approvals.escalate(ProcessVariables.orderId(execution));
    }
}
