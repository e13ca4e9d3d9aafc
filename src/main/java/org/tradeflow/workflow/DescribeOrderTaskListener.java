package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.tradeflow.allocation.Substitutions;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderLine;
import org.tradeflow.order.SalesOrder;

import java.util.stream.Collectors;

/**
 * Gives each user task what its approver must see: the order (account, lines, prices and the rule behind
 * each, total) and why the task exists. Task-local display text only; the process keeps ids.
 */
@Component
class DescribeOrderTaskListener implements TaskListener {

    private final OrderLifecycle orders;
    private final Substitutions substitutions;

    DescribeOrderTaskListener(OrderLifecycle orders, Substitutions substitutions) {
        this.orders = orders;
        this.substitutions = substitutions;
    }

    @Override
    public void notify(DelegateTask task) {
        SalesOrder order = orders.get(ProcessVariables.orderId(task));
        task.setVariableLocal(OrderToCashProcess.Variables.ORDER_SUMMARY, summary(order));
        String reason = switch (task.getTaskDefinitionKey()) {
            case "UserTaskChaseDispatch" -> "Shipment " + task.getExecution().getProcessBusinessKey()
                    + " was not dispatched within its SLA";
            case "UserTaskChaseBackorder" -> "No stock has arrived for a week. " + order.getStatusReason();
            case "UserTaskConfirmSubstitution" -> substitutions.proposal(order.getId());
            default -> order.getStatusReason();
        };
        task.setVariableLocal(OrderToCashProcess.Variables.TASK_REASON, reason == null ? "" : reason);
        task.setDescription(order.getOrderNumber() + " " + order.getAccount().getName() + ": " + reason);
    }

    static String summary(SalesOrder order) {
        String lines = order.getLines().stream().map(DescribeOrderTaskListener::line).collect(Collectors.joining("\n"));
        return "Order " + order.getOrderNumber() + " for " + order.getAccount().getCode() + " ("
                + order.getAccount().getName() + "), PO " + order.getCustomerPoNumber() + "\n" + lines
                + "\nTotal " + order.getNetTotal().toPlainString() + " " + order.getCurrency();
    }

    private static String line(OrderLine line) {
        return line.getLineNo() + ". " + line.getProduct().getSku() + " " + line.getProduct().getName() + " x "
                + line.getQuantity() + " @ " + line.getUnitPrice().stripTrailingZeros().toPlainString() + " = "
                + line.getNetAmount().toPlainString() + "\n   " + line.getPriceExplanation();
    }
}
