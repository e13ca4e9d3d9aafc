package org.tradeflow.workflow;

/**
 * The contract of processes/order-to-cash.bpmn and processes/shipment-fulfilment.bpmn: keys, messages and
 * variable names. Nothing else spells these strings.
 */
public final class OrderToCashProcess {

    public static final String PROCESS_KEY = "order-to-cash";
    public static final String MESSAGE_SHIPMENT_DISPATCHED = "ShipmentDispatched";

    /** Process variables: ids and decisions only, never entities. */
    public static final class Variables {
        public static final String ORDER_ID = "orderId";
        public static final String BLOCKING_VIOLATIONS = "blockingViolations";
        public static final String APPROVAL_REQUIRED = "approvalRequired";
        public static final String APPROVER_GROUP = "approverGroup";
        public static final String APPROVAL_DUE_DATE = "approvalDueDate";
        public static final String CREDIT_AVAILABLE = "creditAvailable";
        public static final String ALLOCATED = "allocated";
        public static final String SHIPMENT_COUNT = "shipmentCount";
        public static final String DISPATCH_SLA = "dispatchSla";
        public static final String DECISION_COMMENT = "decisionComment";
        /** Task-local, for the task form only. */
        public static final String ORDER_SUMMARY = "orderSummary";
        public static final String TASK_REASON = "taskReason";

        private Variables() {
        }
    }

    /** User tasks and the boolean each one's form decides. */
    public enum UserTask {
        UserTaskResolveOrderExceptions("exceptionsAccepted"),
        UserTaskApproveOrder("orderApproved"),
        UserTaskReleaseCreditHold("creditReleased"),
        UserTaskResolveStockShortage("retryAllocation"),
        UserTaskChaseDispatch("dispatchChased");

        private final String decisionVariable;

        UserTask(String decisionVariable) {
            this.decisionVariable = decisionVariable;
        }

        public String decisionVariable() {
            return decisionVariable;
        }
    }

    private OrderToCashProcess() {
    }
}
