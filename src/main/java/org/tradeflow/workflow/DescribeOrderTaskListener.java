package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.SalesOrder;

/**
 * Names each user task after its order, so that lists say which order waits ("Approve SO-100002 · ACME-DE ·
 * 12,032.16 EUR"). Name and description are short and bounded; the order itself is read when the form opens
 * ({@link TaskBriefing}), never copied into the task.
 */
@Component
class DescribeOrderTaskListener implements TaskListener {

    private static final int MAX_DESCRIPTION = 1000;

    private final OrderLifecycle orders;

    DescribeOrderTaskListener(OrderLifecycle orders) {
        this.orders = orders;
    }

    @Override
    public void notify(DelegateTask task) {
        SalesOrder order = orders.get(ProcessVariables.orderId(task));
        OrderToCashProcess.UserTask.of(task.getTaskDefinitionKey()).ifPresent(userTask -> task.setName(
                TaskBriefing.taskName(userTask, task.getExecution().getProcessBusinessKey(), order.getAccount().getCode(),
                        PeopleFormat.money(order.getNetTotal(), order.getCurrency()))));
        String reason = order.getStatusReason() == null ? "" : order.getStatusReason();
        task.setDescription(reason.length() <= MAX_DESCRIPTION ? reason : reason.substring(0, MAX_DESCRIPTION - 3) + "...");
    }
}
