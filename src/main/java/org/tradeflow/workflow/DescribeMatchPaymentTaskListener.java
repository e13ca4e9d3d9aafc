package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Names a Match payment task after its credit ("Match payment BANK-17 · Unknown Payer SARL · 77.77 EUR"). */
@Component
class DescribeMatchPaymentTaskListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.setName(TaskBriefing.taskName(OrderToCashProcess.UserTask.UserTaskMatchPayment, task.getExecution().getProcessBusinessKey(),
                String.valueOf(task.getVariable(MatchPaymentProcess.PAYER)), String.valueOf(task.getVariable(MatchPaymentProcess.AMOUNT))));
        task.setDescription(String.valueOf(task.getVariable(MatchPaymentProcess.SUMMARY)));
    }
}
