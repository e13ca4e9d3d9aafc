package org.tradeflow.workflow;

/**
 * The contract of processes/order-to-cash.bpmn and processes/shipment-fulfilment.bpmn: keys, messages and
 * variable names. Nothing else spells these strings.
 */
public final class OrderToCashProcess {

    public static final String PROCESS_KEY = "order-to-cash";
    public static final String MESSAGE_SHIPMENT_DISPATCHED = "ShipmentDispatched";
    /** Goods arrived that a waiting backorder needs. */
    public static final String MESSAGE_STOCK_ARRIVED = "StockArrived";
    /** An order change left a shipment with nothing to carry; it is already cancelled in the database. */
    public static final String MESSAGE_SHIPMENT_CANCELLED = "ShipmentCancelled";
    /** The customer (or the order desk) cancelled the order; the order is already cancelled in the database. */
    public static final String MESSAGE_ORDER_CANCELLED = "OrderCancelled";

    /** Process variables: ids and decisions only, never entities. */
    public static final class Variables {
        public static final String ORDER_ID = "orderId";
        public static final String BLOCKING_VIOLATIONS = "blockingViolations";
        public static final String APPROVAL_REQUIRED = "approvalRequired";
        public static final String APPROVER_GROUP = "approverGroup";
        public static final String APPROVAL_DUE_DATE = "approvalDueDate";
        public static final String CREDIT_AVAILABLE = "creditAvailable";
        /** Who gets scarce stock first; also the priority of the allocation job. */
        public static final String ALLOCATION_PRIORITY = "allocationPriority";
        /** Shipment numbers the last allocation planned, comma-separated (one fulfilment process each). */
        public static final String NEW_SHIPMENTS = "newShipments";
        /** SHIPMENTS_PLANNED, WAITING, ALL_SHIPPED or NOTHING_TO_SHIP (AllocationService.Outcome). */
        public static final String ALLOCATION_OUTCOME = "allocationOutcome";
        public static final String CANCEL_REASON = "cancelReason";
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
        UserTaskChaseBackorder("backorderChased"),
        UserTaskConfirmSubstitution("substitutionAccepted"),
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
