package org.tradeflow.workflow;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.orderdesk.Substitutions;
import org.tradeflow.credit.CreditService;
import org.tradeflow.order.OrderQueries;
import org.tradeflow.order.OrderView;

import org.tradeflow.catalog.ProductRepository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a person deciding a task sees, read from the database when the form opens: the order with its lines,
 * prices and why, the findings of the policy rules, the account's credit position, and why the task exists.
 * The values are formatted for people and never stored in the process.
 */
@Component
class TaskBriefing {

    private final OrderQueries orders;
    private final CreditService credit;
    private final Substitutions substitutions;
    private final UserTimeZones timeZones;
    private final ProductRepository products;

    TaskBriefing(OrderQueries orders, CreditService credit, Substitutions substitutions, UserTimeZones timeZones,
                 ProductRepository products) {
        this.products = products;
        this.orders = orders;
        this.credit = credit;
        this.substitutions = substitutions;
        this.timeZones = timeZones;
    }

    /** The task a form is opened for: which, for which order and process, due when, seen by whom (for their time zone). */
    record Subject(String taskDefinitionKey, long orderId, String businessKey, Date dueDate, String userId) {
    }

    record OrderLine(String line, String sku, String product, String quantity, String unitPrice, String netAmount, String margin,
                     String why) {
    }

    record Finding(String line, String severity, String message) {
    }

    @Transactional(readOnly = true)
    Map<String, Object> describe(Subject subject) {
        OrderView order = orders.view(subject.orderId());
        String currency = order.currency();
        Map<String, Object> briefing = new LinkedHashMap<>();
        Map<String, BigDecimal> costs = unitCosts(order);
        Margin total = Margin.of(order.lines().stream().map(line -> Margin.of(line, costs.get(line.sku()))).toList());
        briefing.put("order", Map.of(
                "orderNumber", order.orderNumber(),
                "accountCode", order.accountCode(),
                "accountName", order.accountName(),
                "customerPoNumber", order.customerPoNumber(),
                "requestedDelivery", PeopleFormat.day(order.requestedDeliveryDate()),
                "lineCount", PeopleFormat.quantity(order.lines().size()),
                "netTotal", PeopleFormat.money(order.netTotal(), currency),
                "margin", total.describe(currency),
                "status", order.status().name()));
        briefing.put("orderLines", order.lines().stream().map(line -> new OrderLine(String.valueOf(line.lineNo()), line.sku(),
                line.name(), PeopleFormat.quantity(line.quantity()), PeopleFormat.unitPrice(line.unitPrice(), currency),
                PeopleFormat.money(line.netAmount(), currency), Margin.of(line, costs.get(line.sku())).describe(currency),
                line.priceExplanation())).toList());
        briefing.put("problems", order.violations().stream().map(v -> new Finding(v.lineNo() == null ? "order"
                : String.valueOf(v.lineNo()), v.severity().name(), v.message())).toList());
        briefing.put("task", Map.of(
                "reason", reason(subject, order),
                "deadline", PeopleFormat.moment(subject.dueDate() == null ? null : subject.dueDate().toInstant(),
                        timeZones.of(subject.userId()))));
        CreditService.CreditCheck position = credit.position(subject.orderId());
        briefing.put("credit", Map.of(
                "limit", PeopleFormat.money(position.limit(), currency),
                "otherExposure", PeopleFormat.money(position.otherExposure(), currency),
                "exposure", PeopleFormat.money(position.exposure(), currency),
                "position", position.withinLimit()
                        ? PeopleFormat.money(position.limit().subtract(position.exposure()), currency) + " left"
                        : PeopleFormat.money(position.exposure().subtract(position.limit()), currency) + " over the limit"));
        order.shipments().stream().filter(shipment -> shipment.shipmentNumber().equals(subject.businessKey())).findFirst()
                .ifPresent(shipment -> briefing.put("shipment", Map.of(
                        "shipmentNumber", shipment.shipmentNumber(),
                        "warehouse", shipment.warehouse(),
                        "lines", shipment.lines().stream().map(l -> PeopleFormat.quantity(l.quantity()) + " x " + l.sku())
                                .collect(Collectors.joining(", ")))));
        return briefing;
    }

    /** What a unit of each of the order's SKUs costs us in its currency, read with the products in one query. */
    private Map<String, BigDecimal> unitCosts(OrderView order) {
        Map<String, BigDecimal> costs = new HashMap<>();
        products.findWithPricesBySkuIn(order.lines().stream().map(OrderView.Line::sku).distinct().toList())
                .forEach(product -> product.unitCost(order.currency()).ifPresent(cost -> costs.put(product.getSku(), cost)));
        return costs;
    }

    /** Net less cost, over the lines whose cost is known; {@code lines} counts them, {@code unknown} those without. */
    record Margin(BigDecimal net, BigDecimal margin, int lines, int unknown) {

        static Margin of(OrderView.Line line, BigDecimal unitCost) {
            return unitCost == null ? new Margin(BigDecimal.ZERO, BigDecimal.ZERO, 0, 1)
                    : new Margin(line.netAmount(), line.netAmount().subtract(unitCost.multiply(BigDecimal.valueOf(line.quantity()))), 1, 0);
        }

        static Margin of(List<Margin> parts) {
            return parts.stream().reduce(new Margin(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0), (a, b) -> new Margin(a.net.add(b.net),
                    a.margin.add(b.margin), a.lines + b.lines, a.unknown + b.unknown));
        }

        /** 1,234.56 EUR (12.3 %), said plainly when costs are unknown. */
        String describe(String currency) {
            if (lines == 0) {
                return "cost unknown";
            }
            String percent = net.signum() == 0 ? "" : " (" + margin.multiply(BigDecimal.valueOf(100))
                    .divide(net, 1, RoundingMode.HALF_EVEN).toPlainString() + " %)";
            return PeopleFormat.money(margin, currency) + percent
                    + (unknown == 0 ? "" : " on " + PeopleFormat.quantity(lines) + " lines; " + PeopleFormat.quantity(unknown)
                    + " without a known cost");
        }
    }

    private String reason(Subject subject, OrderView order) {
        String reason = switch (subject.taskDefinitionKey()) {
            case "UserTaskChaseDispatch" -> "Shipment " + subject.businessKey() + " was not dispatched within its SLA";
            case "UserTaskChaseBackorder" -> "No stock has arrived for a week. " + order.statusReason();
            case "UserTaskConfirmSubstitution" -> substitutions.proposal(subject.orderId());
            default -> order.statusReason();
        };
        return reason == null ? "" : reason;
    }

    /** The task's name in lists: what to do, on which order (or shipment, or bank credit), for whom, worth how much. */
    static String taskName(OrderToCashProcess.UserTask task, String businessKey, String accountCode, String orderTotal) {
        String what = switch (task) {
            case UserTaskResolveOrderExceptions -> "Resolve exceptions of";
            case UserTaskApproveOrder -> "Approve";
            case UserTaskReleaseCreditHold -> "Release credit hold of";
            case UserTaskConfirmSubstitution -> "Ask about substitute for";
            case UserTaskChaseBackorder -> "Chase backorder";
            case UserTaskChaseDispatch -> "Chase dispatch of";
            case UserTaskApprovePriceCorrection -> "Approve price correction";
            case UserTaskApproveReturn -> "Approve return";
            case UserTaskInspectReturn -> "Inspect returned goods of";
            case UserTaskMatchPayment -> "Match payment";
            case UserTaskCallCustomer -> "Call customer about";
        };
        return what + " " + businessKey + " · " + accountCode + " · " + orderTotal;
    }
}
