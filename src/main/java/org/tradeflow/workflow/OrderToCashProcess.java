package org.tradeflow.workflow;

import java.util.Arrays;
import java.util.Optional;

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
    /** A payment or a higher limit brought the account back within its credit: the held order goes on. */
    public static final String MESSAGE_CREDIT_RESTORED = "CreditRestored";

    /**
     * Process variables: ids and decisions only, never entities. Only the process's own delegates write them;
     * people add nothing but the decision and comment their task's form declares.
     */
    public static final class Variables {
        public static final String ORDER_ID = "orderId";
        /** The order's number, for its shipments' business keys ({@code SO-100001-S3}). */
        public static final String ORDER_NUMBER = "orderNumber";
        public static final String BLOCKING_VIOLATIONS = "blockingViolations";
        public static final String APPROVAL_REQUIRED = "approvalRequired";
        public static final String APPROVER_GROUP = "approverGroup";
        public static final String APPROVAL_DUE_DATE = "approvalDueDate";
        public static final String CREDIT_AVAILABLE = "creditAvailable";
        /** Who gets scarce stock first; also the priority of the allocation job. */
        public static final String ALLOCATION_PRIORITY = "allocationPriority";
        /** How many shipments the last allocation planned (one fulfilment process each) ... */
        public static final String SHIPMENT_COUNT = "shipmentCount";
        /** ... numbered from this one on: {@code orderNumber-S<firstShipmentNo + loopCounter>}. */
        public static final String FIRST_SHIPMENT_NO = "firstShipmentNo";
        /**
         * The first model's list of planned shipment numbers, comma-separated (it grows with the shipments).
         * Set only for instances of that model; remove once no v1 instance runs.
         */
        public static final String NEW_SHIPMENTS = "newShipments";
        /** What the order desk may do about backordered units: NONE, ASK (the customer) or PRE_APPROVED. */
        public static final String SUBSTITUTION = "substitution";
        /** Shipments a cancellation cancelled (their stock released). */
        public static final String RELEASED_SHIPMENTS = "releasedShipments";
        /** The order desk's line corrections (exceptions decision CORRECT): a few short rows, capped by the form. */
        public static final String LINE_CORRECTIONS = "lineCorrections";
        /** SHIPMENTS_PLANNED, WAITING, ALL_SHIPPED or NOTHING_TO_SHIP (AllocationService.Outcome). */
        public static final String ALLOCATION_OUTCOME = "allocationOutcome";
        public static final String CANCEL_REASON = "cancelReason";
        public static final String DISPATCH_SLA = "dispatchSla";
        /** What the person who completed the last task wrote; a rejection's reason. */
        public static final String DECISION_COMMENT = "decisionComment";

        private Variables() {
        }
    }

    /**
     * User tasks, the decision each one's form asks for (null: the task is done by doing it, with a comment)
     * and the value that lets the order go on. A four-eyes task may not be decided by whoever submitted the order.
     */
    public enum UserTask {
        UserTaskResolveOrderExceptions("exceptionsDecision", "ACCEPT", true),
        UserTaskApproveOrder("approvalDecision", "APPROVE", true),
        UserTaskReleaseCreditHold("creditDecision", "RELEASE", true),
        UserTaskConfirmSubstitution("substitutionDecision", "ACCEPT", false),
        UserTaskChaseBackorder(null, null, false),
        UserTaskChaseDispatch(null, null, false),
        /** Of processes/price-correction.bpmn: four eyes against whoever asked for the correction. */
        UserTaskApprovePriceCorrection("priceCorrectionDecision", "APPROVE", true),
        /** Of processes/return-authorisation.bpmn: four eyes against whoever asked for the return. */
        UserTaskApproveReturn("returnDecision", "APPROVE", true),
        UserTaskInspectReturn("inspectionOutcome", "RESTOCK", false),
        /** Of processes/match-payment.bpmn: finance books a bank credit the import could not match, or ignores it. */
        UserTaskMatchPayment("matchDecision", "MATCH", false),
        /** Of processes/dunning.bpmn: finance calls the customer about an invoice at its last dunning level. */
        UserTaskCallCustomer("callOutcome", "PAYMENT_PROMISED", false);

        private final String decisionVariable;
        private final String goAhead;
        private final boolean fourEyes;

        UserTask(String decisionVariable, String goAhead, boolean fourEyes) {
            this.decisionVariable = decisionVariable;
            this.goAhead = goAhead;
            this.fourEyes = fourEyes;
        }

        public static Optional<UserTask> of(String taskDefinitionKey) {
            return Arrays.stream(values()).filter(task -> task.name().equals(taskDefinitionKey)).findFirst();
        }

        /** The form field that carries the decision; empty for tasks without one. */
        public Optional<String> decisionVariable() {
            return Optional.ofNullable(decisionVariable);
        }

        /** The decision value that lets the order go on (APPROVE, RELEASE, ...). */
        public String goAhead() {
            return goAhead;
        }

        public boolean fourEyes() {
            return fourEyes;
        }
    }

    private OrderToCashProcess() {
    }
}
