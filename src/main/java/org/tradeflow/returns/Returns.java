package org.tradeflow.returns;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.business.BusinessException.FieldError;
import org.tradeflow.business.InvalidInput;
import org.tradeflow.business.NotFound;
import org.tradeflow.business.StateConflict;
import org.tradeflow.fulfilment.FulfilmentService;
import org.tradeflow.inventory.StockLedger;
import org.tradeflow.invoicing.CreditNotes;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderLine;
import org.tradeflow.order.OrderNotFound;
import org.tradeflow.order.OrderStatus;
import org.tradeflow.order.SalesOrder;
import org.tradeflow.rules.RuleSetRegistry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Returns with an RMA (processes/return-authorisation.bpmn): the order desk asks for the customer, returns.xlsx
 * decides the window, inspection, approval and restocking fee; an authorised return gets its RMA number, the
 * warehouse books the goods back against it (never more than was authorised, shipped and not yet returned),
 * inspection decides per line what becomes of them, and what was accepted is credited at the invoiced prices,
 * less the restocking fee, on one credit note per invoice that billed the goods.
 */
@Service
public class Returns {

    private final ReturnRepository returns;
    private final OrderLifecycle orders;
    private final FulfilmentService fulfilment;
    private final StockLedger ledger;
    private final CreditNotes creditNotes;
    private final RuleSetRegistry rules;
    private final ReturnsTable table;
    private final ReturnWorkflow workflow;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Returns(ReturnRepository returns, OrderLifecycle orders, FulfilmentService fulfilment, StockLedger ledger,
            CreditNotes creditNotes, RuleSetRegistry rules, ReturnsTable table, ReturnWorkflow workflow,
            ApplicationEventPublisher events, Clock clock) {
        this.returns = returns;
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.ledger = ledger;
        this.creditNotes = creditNotes;
        this.rules = rules;
        this.table = table;
        this.workflow = workflow;
        this.events = events;
        this.clock = clock;
    }

    /** Units of an order line, by its number on the order, the customer wants to send back. */
    public record RequestedLine(int lineNo, int quantity) {
    }

    /** What inspection made of the units of one line that came back. */
    public record InspectedLine(int lineNo, int restock, int scrap, int returnToVendor, int refuse) {
    }

    /** One outcome for all that came back, as the inspection task's form offers it. */
    public enum Inspection { RESTOCK, SCRAP, RETURN_TO_VENDOR, REFUSE }

    /** What the approver and the inspector read. */
    public record Briefing(long returnId, String orderNumber, String accountCode, String accountName, String reasonCode,
                           String comment, String requestedBy, String rule, boolean approvalNeeded, boolean inspectionNeeded,
                           List<String> lines) {
    }

    /** Goods booked back against an RMA: how many of the line are still expected, how many may still come back from the shipment. */
    public record ReceivedGoods(String rmaNumber, String sku, int received, int stillExpected, int stillReturnable,
                                ReturnStatus status) {
    }

    @Transactional
    public ReturnView request(long orderId, String reasonCode, String comment, List<RequestedLine> lines, String user) {
        SalesOrder order;
        try {
            order = orders.lock(orderId);
        } catch (OrderNotFound unknown) {
            throw new InvalidInput("orderId", "no order " + orderId);
        }
        if (order.getStatus() == OrderStatus.CLOSED) {
            throw new StateConflict("return.order-closed", order.getOrderNumber() + " is CLOSED: its return window is over");
        }
        Map<Integer, OrderLine> byNumber = order.getLines().stream()
                .collect(Collectors.toMap(OrderLine::getLineNo, Function.identity(), (first, same) -> first));
        Map<Long, FulfilmentService.Shipped> shipped = fulfilment.shipped(orderId);
        Map<Long, Long> held = returns.heldByOrder(orderId).stream()
                .collect(Collectors.toMap(ReturnRepository.HeldUnits::getOrderLineId, ReturnRepository.HeldUnits::getUnits));
        List<FieldError> errors = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Map<OrderLine, Integer> accepted = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        int daysSinceDelivery = 0;
        for (int i = 0; i < lines.size(); i++) {
            RequestedLine line = lines.get(i);
            String at = "lines[" + i + "]";
            OrderLine orderLine = byNumber.get(line.lineNo());
            FulfilmentService.Shipped out = orderLine == null ? null : shipped.get(orderLine.getId());
            if (!seen.add(line.lineNo())) {
                errors.add(new FieldError(at + ".lineNo", "line " + line.lineNo() + " is asked for twice"));
            } else if (orderLine == null) {
                errors.add(new FieldError(at + ".lineNo", order.getOrderNumber() + " has no line " + line.lineNo()));
            } else if (out == null) {
                errors.add(new FieldError(at + ".lineNo", "nothing of line " + line.lineNo() + " (" + orderLine.getProduct().getSku()
                        + ") was dispatched; only delivered goods can come back"));
            } else {
                long returnable = out.quantity() - held.getOrDefault(orderLine.getId(), 0L);
                if (line.quantity() > returnable) {
                    errors.add(new FieldError(at + ".quantity", out.quantity() + " units of line " + line.lineNo()
                            + " were delivered and are not back, and " + (out.quantity() - returnable)
                            + " of them are on open returns: at most " + returnable + " can come back, not " + line.quantity()));
                } else {
                    accepted.put(orderLine, line.quantity());
                    LocalDate delivered = LocalDate.ofInstant(out.lastDispatchedAt(), clock.getZone());
                    daysSinceDelivery = Math.max(daysSinceDelivery, (int) ChronoUnit.DAYS.between(delivered, today));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        ReturnDecision decision = table.decide(rules.current(),
                new ReturnQuestion(reasonCode, daysSinceDelivery, order.getAccount().getCustomerGroup()));
        if (!decision.allows(daysSinceDelivery)) {
            throw new StateConflict("return.window-closed", order.getOrderNumber() + " was delivered " + daysSinceDelivery
                    + " days ago; " + reasonCode + " returns are accepted within " + decision.windowDays() + " days ("
                    + decision.rule() + ")");
        }
        ReturnAuthorisation rma = new ReturnAuthorisation(order, reasonCode, comment, decision, daysSinceDelivery, user,
                clock.instant());
        accepted.forEach(rma::add);
        returns.saveAndFlush(rma);
        orders.note(orderId, "RETURN_REQUESTED", "Return " + rma.getId() + " of " + accepted.values().stream().mapToInt(Integer::intValue).sum()
                + " units asked for by " + user + ": " + reasonCode + " (" + decision.rule() + ")");
        workflow.start(new Briefing(rma.getId(), order.getOrderNumber(), order.getAccount().getCode(), order.getAccount().getName(),
                reasonCode, comment, user, decision.rule(), decision.needsApproval(), decision.needsInspection(),
                rma.getLines().stream().map(line -> "line " + line.getOrderLine().getLineNo() + " " + line.getOrderLine().getProduct().getSku()
                        + ": " + line.getQuantity() + " × " + line.getOrderLine().getUnitPrice().stripTrailingZeros().toPlainString()
                        + " " + order.getCurrency()).toList()));
        return ReturnView.of(rma);
    }

    /** Approved by a sales manager, or needing no approval: the return gets its RMA number. */
    @Transactional
    public void authorise(long returnId, String by, String comment) {
        ReturnAuthorisation rma = lock(returnId);
        rma.authorise(by, comment, clock.instant());
        orders.note(rma.getOrder().getId(), "RETURN_AUTHORISED", rma.getRmaNumber() + " authorised by " + by
                + (rma.needsInspection() ? "; the goods are inspected when they come back" : ""));
        SalesOrder order = rma.getOrder();
        events.publishEvent(new ReturnAuthorised(rma.getRmaNumber(), order.getOrderNumber(), order.getCustomerPoNumber(),
                order.getAccount().getCode(), rma.getReasonCode(), rma.needsInspection(), rma.getLines().stream()
                .map(line -> new ReturnAuthorised.Line(line.getOrderLine().getLineNo(), line.getOrderLine().getProduct().getSku(),
                        line.getQuantity())).toList()));
    }

    @Transactional
    public void reject(long returnId, String by, String comment) {
        ReturnAuthorisation rma = lock(returnId);
        rma.reject(by, comment, clock.instant());
        orders.note(rma.getOrder().getId(), "RETURN_REJECTED", "Return " + returnId + " rejected by " + by + ": " + comment);
    }

    /** The warehouse books goods that came back from a shipment against their RMA. */
    @Transactional
    public ReceivedGoods receive(long shipmentId, String rmaNumber, String sku, int quantity, String user) {
        long returnId = returns.findIdByRmaNumber(rmaNumber)
                .orElseThrow(() -> new InvalidInput("rmaNumber", "no return is authorised as " + rmaNumber));
        orders.lock(returns.findOrderId(returnId).orElseThrow());
        ReturnAuthorisation rma = lock(returnId);
        rma.expect(ReturnStatus.AUTHORISED, "booked against");
        List<ReturnLine> ofSku = rma.getLines().stream().filter(line -> line.getOrderLine().getProduct().getSku().equals(sku)).toList();
        if (ofSku.isEmpty()) {
            throw new InvalidInput("sku", rmaNumber + " returns no " + sku);
        }
        ReturnLine line = ofSku.stream().filter(candidate -> candidate.stillExpected() > 0).findFirst()
                .orElseThrow(() -> new StateConflict("return.received", "All " + sku + " that " + rmaNumber + " authorised are back already"));
        if (quantity > line.stillExpected()) {
            throw new StateConflict("return.more-than-authorised", rmaNumber + " authorised " + line.getQuantity() + " units of "
                    + sku + " and " + line.getReceived() + " are back: at most " + line.stillExpected() + " more, not " + quantity);
        }
        FulfilmentService.ReturnedGoods booked = fulfilment.receiveReturn(shipmentId, line.getOrderLine(), quantity,
                !rma.needsInspection(), rmaNumber, user);
        line.received(new ReturnLine.Receipt(shipmentId, booked.warehouseId(), quantity, user, clock.instant()));
        if (rma.fullyReceived()) {
            workflow.goodsBack(returnId);
        }
        return new ReceivedGoods(rmaNumber, sku, quantity, line.stillExpected(), booked.stillReturnable(), rma.getStatus());
    }

    /**
     * No more goods will come back (all did, or the receipt period is over). Returns whether any came back; goods
     * that need no inspection were restocked when they arrived.
     */
    @Transactional
    public boolean closeReceipt(long returnId, String period) {
        ReturnAuthorisation rma = lock(returnId);
        rma.receiptClosed("nothing came back within " + period);
        if (rma.getStatus() == ReturnStatus.CLOSED) {
            settled(rma);
        } else if (!rma.needsInspection()) {
            rma.getLines().forEach(line -> line.inspected(new ReturnLine.Outcome(line.getReceived(), 0, 0, 0)));
        }
        return rma.getStatus() == ReturnStatus.RECEIVED;
    }

    /** The warehouse's inspection, line by line: every line that came back is given, each unit once. */
    @Transactional
    public ReturnView inspect(long returnId, List<InspectedLine> inspected, String comment, String user) {
        orders.lock(returns.findOrderId(returnId).orElseThrow(() -> new ReturnNotFound(returnId)));
        ReturnAuthorisation rma = lock(returnId);
        expectInspection(rma);
        Map<Integer, ReturnLine> byNumber = rma.getLines().stream()
                .collect(Collectors.toMap(line -> line.getOrderLine().getLineNo(), Function.identity()));
        List<FieldError> errors = new ArrayList<>();
        Map<ReturnLine, ReturnLine.Outcome> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < inspected.size(); i++) {
            InspectedLine given = inspected.get(i);
            ReturnLine line = byNumber.get(given.lineNo());
            ReturnLine.Outcome outcome = new ReturnLine.Outcome(given.restock(), given.scrap(), given.returnToVendor(), given.refuse());
            if (line == null) {
                errors.add(new FieldError("lines[" + i + "].lineNo", rma.getRmaNumber() + " returns no line " + given.lineNo()));
            } else if (outcomes.containsKey(line)) {
                errors.add(new FieldError("lines[" + i + "].lineNo", "line " + given.lineNo() + " is inspected twice"));
            } else if (outcome.total() != line.getReceived()) {
                errors.add(new FieldError("lines[" + i + "]", line.getReceived() + " units of line " + given.lineNo()
                        + " came back; restock, scrap, returnToVendor and refuse add up to " + outcome.total()));
            } else {
                outcomes.put(line, outcome);
            }
        }
        if (errors.isEmpty()) {
            rma.getLines().stream().filter(line -> line.getReceived() > 0 && !outcomes.containsKey(line)).forEach(line -> errors.add(new FieldError("lines", "line " + line.getOrderLine().getLineNo() + " ("
                        + line.getReceived() + " units back) has no outcome")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        applyInspection(rma, outcomes, user, comment);
        workflow.inspected(returnId);
        return ReturnView.of(rma);
    }

    /** The inspection task's answer: one outcome for all that came back, or (null) the one recorded line by line. */
    @Transactional
    public void inspectAll(long returnId, Inspection outcome, String by, String comment) {
        ReturnAuthorisation rma = lock(returnId);
        if (outcome == null) {
            if (rma.getInspectedAt() == null) {
                throw new StateConflict("return.not-inspected", rma.getRmaNumber() + " has no inspection recorded line by line;"
                        + " record it with POST /api/v1/returns/" + returnId + "/inspection, or choose one outcome for all goods");
            }
            return;
        }
        expectInspection(rma);
        Map<ReturnLine, ReturnLine.Outcome> outcomes = new LinkedHashMap<>();
        for (ReturnLine line : rma.getLines()) {
            int back = line.getReceived();
            outcomes.put(line, switch (outcome) {
                case RESTOCK -> new ReturnLine.Outcome(back, 0, 0, 0);
                case SCRAP -> new ReturnLine.Outcome(0, back, 0, 0);
                case RETURN_TO_VENDOR -> new ReturnLine.Outcome(0, 0, back, 0);
                case REFUSE -> new ReturnLine.Outcome(0, 0, 0, back);
            });
        }
        applyInspection(rma, outcomes, by, comment);
    }

    private static void expectInspection(ReturnAuthorisation rma) {
        rma.expect(ReturnStatus.RECEIVED, "inspected");
        if (!rma.needsInspection()) {
            throw new StateConflict("return.no-inspection", rma.getRmaNumber() + " needs no inspection (" + rma.getRule()
                    + "): its goods were restocked when they came back");
        }
    }

    /** Restocked units go back into sellable stock where they were set aside, receipt by receipt. */
    private void applyInspection(ReturnAuthorisation rma, Map<ReturnLine, ReturnLine.Outcome> outcomes, String by, String comment) {
        rma.inspected(by, comment, clock.instant());
        outcomes.forEach((line, outcome) -> {
            line.inspected(outcome);
            int toRestock = outcome.restock();
            for (ReturnLine.Receipt receipt : line.getReceipts()) {
                int here = Math.min(toRestock, receipt.quantity());
                if (here > 0) {
                    ledger.adjust(new StockLedger.StockKey(receipt.warehouseId(), line.getOrderLine().getProduct().getId()), here,
                            rma.getRmaNumber() + ": restocked after inspection");
                    toRestock -= here;
                }
            }
        });
        orders.note(rma.getOrder().getId(), "RETURN_INSPECTED", rma.getRmaNumber() + " inspected by " + by + ": "
                + outcomes.values().stream().mapToInt(ReturnLine.Outcome::restock).sum() + " restocked, "
                + outcomes.values().stream().mapToInt(ReturnLine.Outcome::scrap).sum() + " scrapped, "
                + outcomes.values().stream().mapToInt(ReturnLine.Outcome::returnToVendor).sum() + " to the vendor, "
                + outcomes.values().stream().mapToInt(ReturnLine.Outcome::refuse).sum() + " refused");
    }

    /**
     * Credits what was accepted at the prices each invoice charged, less the restocking fee, on one credit note per
     * invoice that billed the goods (the shipments they came back from). Waits (fails, to be retried) while such a
     * shipment is not invoiced yet. Issued once per RMA and invoice, however often it runs.
     */
    @Transactional
    public void credit(long returnId) {
        ReturnAuthorisation rma = lock(returnId);
        rma.expect(ReturnStatus.RECEIVED, "credited");
        Map<Long, Map<Long, Integer>> unitsByShipment = new LinkedHashMap<>();
        for (ReturnLine line : rma.getLines()) {
            int toCredit = line.accepted();
            for (ReturnLine.Receipt receipt : line.getReceipts()) {
                int here = Math.min(toCredit, receipt.quantity());
                if (here > 0) {
                    unitsByShipment.computeIfAbsent(receipt.shipmentId(), id -> new LinkedHashMap<>())
                            .merge(line.getOrderLine().getId(), here, Integer::sum);
                    toCredit -= here;
                }
            }
        }
        if (unitsByShipment.isEmpty()) {
            rma.close("inspection refused all goods that came back");
            settled(rma);
            return;
        }
        int minorUnits = Currency.getInstance(rma.getOrder().getCurrency()).getDefaultFractionDigits();
        BigDecimal fee = rma.getRestockingFeePercent();
        List<String> issued = new ArrayList<>();
        unitsByShipment.forEach((shipmentId, units) -> {
            CreditNotes.Billed invoice = creditNotes.invoiceOf(shipmentId).orElseThrow(() -> new StateConflict("return.not-invoiced",
                    "The goods of " + rma.getRmaNumber() + " came from shipment " + shipmentId + ", which is not invoiced yet;"
                            + " the credit note follows its invoice"));
            List<CreditNotes.Credit> credits = units.entrySet().stream().map(entry -> {
                BigDecimal unitPrice = invoice.unitPrices().get(entry.getKey());
                BigDecimal allowance = unitPrice.multiply(BigDecimal.valueOf(entry.getValue())).multiply(fee)
                        .divide(BigDecimal.valueOf(100), minorUnits, RoundingMode.HALF_EVEN);
                boolean charged = allowance.signum() > 0;
                return new CreditNotes.Credit(entry.getKey(), entry.getValue(), unitPrice, charged ? allowance : null,
                        charged ? "Restocking fee " + ReturnDecision.plain(fee).toPlainString() + "%" : null);
            }).toList();
            issued.add(creditNotes.issue(invoice.invoiceId(), rma.getRmaNumber() + "/" + invoice.invoiceNumber(),
                    "Return " + rma.getRmaNumber() + ": " + rma.getReasonCode(), credits).getInvoiceNumber());
        });
        rma.credited(issued);
        settled(rma);
    }

    /** Credited or closed: the order's trail and the outside world hear how it ended. */
    private void settled(ReturnAuthorisation rma) {
        orders.note(rma.getOrder().getId(), "RETURN_" + rma.getStatus(), rma.getRmaNumber() + (rma.getStatus() == ReturnStatus.CREDITED
                ? " credited on " + String.join(", ", rma.getCreditNotes()) : " closed without credit: " + rma.getClosedReason()));
        events.publishEvent(new ReturnSettled(rma.getRmaNumber(), rma.getOrder().getOrderNumber(), rma.getOrder().getAccount().getCode(),
                rma.getStatus(), List.copyOf(rma.getCreditNotes()), rma.getClosedReason()));
    }

    @Transactional(readOnly = true)
    public List<ReturnView> search(Long orderId, ReturnStatus status, int page, int size) {
        return returns.search(orderId, status, PageRequest.of(page, size)).stream().map(ReturnView::of).toList();
    }

    @Transactional(readOnly = true)
    public ReturnView get(long returnId) {
        return ReturnView.of(returns.findById(returnId).orElseThrow(() -> new ReturnNotFound(returnId)));
    }

    private ReturnAuthorisation lock(long returnId) {
        return returns.lock(returnId).orElseThrow(() -> new ReturnNotFound(returnId));
    }

    static final class ReturnNotFound extends NotFound {
        ReturnNotFound(long id) {
            super("return.not-found", "No return " + id);
        }
    }
}
