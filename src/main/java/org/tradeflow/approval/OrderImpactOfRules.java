package org.tradeflow.approval;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.account.Account;
import org.tradeflow.catalog.Product;
import org.tradeflow.order.OrderLine;
import org.tradeflow.order.OrderQueries;
import org.tradeflow.order.SalesOrder;
import org.tradeflow.policy.PolicyViolation;
import org.tradeflow.pricing.OrderEvaluation;
import org.tradeflow.pricing.PriceOffer;
import org.tradeflow.pricing.PricingLine;
import org.tradeflow.pricing.PricingService;
import org.tradeflow.rules.RuleImpactPreview;
import org.tradeflow.rules.RuleImpactPreview.Report;
import org.tradeflow.rules.RuleImpactPreview.Revenue;
import org.tradeflow.rules.RuleSet;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rule-impact preview's comparison: re-prices the orders of a period under the live and the candidate
 * rules (same lines, same quantities, today's list prices and catalog) and tells which would need approval. A
 * line whose product has no list price in the order's currency today cannot be re-priced: it is named in the
 * report and left out of both totals.
 */
@Component
class OrderImpactOfRules implements RuleImpactPreview.OrderImpact {

    private final OrderQueries orderQueries;
    private final Clock clock;

    OrderImpactOfRules(OrderQueries orderQueries, Clock clock) {
        this.orderQueries = orderQueries;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Report compare(RuleSet live, RuleSet candidate, LocalDate from, LocalDate to) {
        Map<String, List<OrderLineRow>> orders = orderLines(from, to);
        List<String> linesNotRepriced = new ArrayList<>();
        int linesAffected = 0;
        List<String> ordersAffected = new ArrayList<>();
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        Map<String, BigDecimal[]> byAccount = new TreeMap<>();
        List<String> newViolations = new ArrayList<>();
        List<String> newApprovals = new ArrayList<>();
        for (Map.Entry<String, List<OrderLineRow>> order : orders.entrySet()) {
            List<OrderLineRow> rows = order.getValue();
            OrderLineRow first = rows.get(0);
            rows.stream().filter(row -> row.pricingLine() == null).forEach(row -> linesNotRepriced.add(order.getKey()
                    + " line " + row.lineNo() + " (" + row.sku() + "): no " + row.currency() + " list price today"));
            List<PricingLine> lines = rows.stream().map(OrderLineRow::pricingLine).filter(Objects::nonNull).toList();
            if (lines.isEmpty()) {
                continue;
            }
            OrderEvaluation before = OrderEvaluation.evaluate(live, lines);
            OrderEvaluation after = OrderEvaluation.evaluate(candidate, lines);
            Map<Integer, BigDecimal> netBefore = lineNets(before);
            Map<Integer, BigDecimal> netAfter = lineNets(after);
            BigDecimal totalBefore = netBefore.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal totalAfter = netAfter.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            int changedLines = (int) netBefore.keySet().stream()
                    .filter(lineNo -> netBefore.get(lineNo).compareTo(netAfter.get(lineNo)) != 0).count();
            if (changedLines > 0) {
                linesAffected += changedLines;
                ordersAffected.add(order.getKey());
            }
            add(byCurrency, first.currency(), totalBefore, totalAfter);
            add(byAccount, first.accountCode() + " " + first.currency(), totalBefore, totalAfter);
            Set<String> violationsBefore = before.violations().stream().map(OrderImpactOfRules::describe).collect(Collectors.toSet());
            after.violations().stream().map(OrderImpactOfRules::describe).filter(v -> !violationsBefore.contains(v))
                    .forEach(v -> newViolations.add(order.getKey() + ": " + v));
            int ageDays = (int) ChronoUnit.DAYS.between(first.accountOpenedOn(), first.orderDay());
            boolean approvalBefore = ApprovalService.evaluate(live, new ApprovalCase(first.accountCode(), first.customerGroup(),
                    first.currency(), totalBefore, ageDays, belowFloor(before))).required();
            boolean approvalAfter = ApprovalService.evaluate(candidate, new ApprovalCase(first.accountCode(), first.customerGroup(),
                    first.currency(), totalAfter, ageDays, belowFloor(after))).required();
            if (approvalAfter && !approvalBefore) {
                newApprovals.add(order.getKey());
            }
        }
        return new Report(from, to, orders.size(), ordersAffected.size(), linesAffected, totals(byCurrency),
                totals(byAccount), ordersAffected, newViolations, newApprovals, linesNotRepriced, candidate.checksum(),
                live.checksum());
    }

    private static int belowFloor(OrderEvaluation evaluation) {
        return PolicyViolation.linesNeedingApproval(evaluation.violations());
    }

    /** Each line's net amount as evaluated (a quantity the rules rounded up counts with its new value). */
    private static Map<Integer, BigDecimal> lineNets(OrderEvaluation evaluation) {
        Map<Integer, BigDecimal> nets = new TreeMap<>();
        for (PricingLine line : evaluation.lines()) {
            PriceOffer offer = evaluation.chosenOffers().get(line.getLineNo());
            nets.put(line.getLineNo(), PricingService.lineNet(offer.getUnitPrice(), line.getQuantity(), line.getCurrency()));
        }
        return nets;
    }

    private static String describe(PolicyViolation violation) {
        return violation.severity() + " " + violation.code() + " " + violation.message();
    }

    private static void add(Map<String, BigDecimal[]> totals, String key, BigDecimal before, BigDecimal after) {
        BigDecimal[] sums = totals.computeIfAbsent(key, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        sums[0] = sums[0].add(before);
        sums[1] = sums[1].add(after);
    }

    private static List<Revenue> totals(Map<String, BigDecimal[]> sums) {
        return sums.entrySet().stream()
                .map(e -> new Revenue(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[1].subtract(e.getValue()[0])))
                .toList();
    }

    private Map<String, List<OrderLineRow>> orderLines(LocalDate from, LocalDate to) {
        Map<String, List<OrderLineRow>> orders = new LinkedHashMap<>();
        for (SalesOrder order : orderQueries.placedBetween(from, to)) {
            Account account = order.getAccount();
            LocalDate orderDay = LocalDate.ofInstant(order.getCreatedAt(), clock.getZone());
            for (OrderLine orderLine : order.getLines()) {
                Product product = orderLine.getProduct();
                PricingLine line = product.listPrice(order.getCurrency())
                        .map(listPrice -> PricingLine.line(orderLine.getLineNo(), product.getSku(), orderLine.getQuantity())
                                .product(product.getCategory(), product.getPackSize())
                                .listPrice(listPrice, order.getCurrency())
                                .account(account.getCode(), account.getCustomerGroup(), order.deliveryRegion(orderLine))
                                .orderDay(orderDay)
                                .unitCost(product.unitCost(order.getCurrency()).orElse(null))
                                .discontinued(product.isDiscontinued(), product.getSubstituteSku())
                                .build())
                        .orElse(null);
                orders.computeIfAbsent(order.getOrderNumber(), n -> new ArrayList<>()).add(new OrderLineRow(line,
                        orderLine.getLineNo(), product.getSku(), account.getCode(), account.getCustomerGroup(),
                        order.getCurrency(), account.getOpenedOn(), orderDay));
            }
        }
        return orders;
    }

    /** One stored order line; {@code pricingLine} is null when its product has no list price in the order's currency. */
    private record OrderLineRow(PricingLine pricingLine, int lineNo, String sku, String accountCode, String customerGroup,
                                String currency, LocalDate accountOpenedOn, LocalDate orderDay) {
    }

}
