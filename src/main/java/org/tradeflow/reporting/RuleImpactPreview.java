package org.tradeflow.reporting;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.approval.ApprovalCase;
import org.tradeflow.approval.ApprovalService;
import org.tradeflow.policy.PolicyViolation;
import org.tradeflow.pricing.OrderEvaluation;
import org.tradeflow.pricing.PriceOffer;
import org.tradeflow.pricing.PricingLine;
import org.tradeflow.pricing.PricingService;
import org.tradeflow.rules.RuleSet;
import org.tradeflow.rules.RuleSetRegistry;

import java.math.BigDecimal;
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
 * What a candidate rule change would do to real business: re-prices the orders of a period under the live
 * and the candidate rules (same lines, same quantities, today's list prices and catalog) and reports the
 * difference. A line whose product has no list price in the order's currency today cannot be re-priced: it is
 * named in the report and left out of both totals. Nothing is stored and nothing is activated.
 */
@Service
public class RuleImpactPreview {

    private final NamedParameterJdbcTemplate jdbc;
    private final RuleSetRegistry rules;

    RuleImpactPreview(NamedParameterJdbcTemplate jdbc, RuleSetRegistry rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    @Transactional(readOnly = true)
    public Report preview(RuleSet candidate, LocalDate from, LocalDate to) {
        RuleSet live = rules.current();
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
            Set<String> violationsBefore = before.violations().stream().map(RuleImpactPreview::describe).collect(Collectors.toSet());
            after.violations().stream().map(RuleImpactPreview::describe).filter(v -> !violationsBefore.contains(v))
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
        jdbc.query("""
                select o.order_number, o.currency, cast(o.created_at as date) as order_day, a.code, a.customer_group,
                       coalesce(l.ship_to_region, a.region) as region, a.opened_on, l.line_no, l.quantity, p.sku, p.category, p.pack_size, p.discontinued,
                       p.substitute_sku, pp.list_price, pp.unit_cost
                  from sales_order o
                  join customer_account a on a.id = o.account_id
                  join order_line l on l.order_id = o.id
                  join product p on p.id = l.product_id
                  left join product_price pp on pp.product_id = p.id and pp.currency = o.currency
                 where o.created_at >= cast(:from as date) and o.created_at < cast(:to as date) + 1
                   and o.status not in ('REJECTED', 'CANCELLED')
                 order by o.id, l.line_no""",
                new MapSqlParameterSource("from", from).addValue("to", to), rs -> {
                    LocalDate orderDay = rs.getObject("order_day", LocalDate.class);
                    BigDecimal listPrice = rs.getBigDecimal("list_price");
                    PricingLine line = listPrice == null ? null
                            : PricingLine.line(rs.getInt("line_no"), rs.getString("sku"), rs.getInt("quantity"))
                                    .product(rs.getString("category"), rs.getInt("pack_size"))
                                    .listPrice(listPrice, rs.getString("currency"))
                                    .account(rs.getString("code"), rs.getString("customer_group"), rs.getString("region"))
                                    .orderDay(orderDay)
                                    .unitCost(rs.getBigDecimal("unit_cost"))
                                    .discontinued(rs.getBoolean("discontinued"), rs.getString("substitute_sku"))
                                    .build();
                    orders.computeIfAbsent(rs.getString("order_number"), n -> new ArrayList<>()).add(new OrderLineRow(
                            line, rs.getInt("line_no"), rs.getString("sku"), rs.getString("code"),
                            rs.getString("customer_group"), rs.getString("currency"),
                            rs.getObject("opened_on", LocalDate.class), orderDay));
                });
        return orders;
    }

    /** One stored order line; {@code pricingLine} is null when its product has no list price in the order's currency. */
    private record OrderLineRow(PricingLine pricingLine, int lineNo, String sku, String accountCode, String customerGroup,
                                String currency, LocalDate accountOpenedOn, LocalDate orderDay) {
    }

    /** Net revenue of the previewed orders under the live and the candidate rules. */
    public record Revenue(String key, BigDecimal live, BigDecimal candidate, BigDecimal delta) {
    }

    public record Report(LocalDate from, LocalDate to, int ordersConsidered, int ordersAffected, int linesAffected,
                         List<Revenue> revenueByCurrency, List<Revenue> revenueByAccount, List<String> affectedOrders,
                         List<String> newViolations, List<String> newApprovals, List<String> linesNotRepriced,
                         String candidateRules, String liveRules) {
    }
}
