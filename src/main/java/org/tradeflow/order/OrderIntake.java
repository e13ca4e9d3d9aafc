package org.tradeflow.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.account.Account;
import org.tradeflow.account.FillPolicy;
import org.tradeflow.account.AccountRepository;
import org.tradeflow.audit.AuditTrail;
import org.tradeflow.business.InvalidInput;
import org.tradeflow.catalog.Product;
import org.tradeflow.catalog.ProductRepository;
import org.tradeflow.intake.Idempotency;
import org.tradeflow.pricing.PricedOrder;
import org.tradeflow.pricing.PricingService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Captures orders exactly once: the order, its priced lines and the start of its process commit together,
 * and a resubmission (same Idempotency-Key, or same account and customer PO) returns the first order.
 */
@Service
public class OrderIntake {

    /** The scope of order Idempotency-Keys. */
    static final String SCOPE = "order";

    private final OrderRepository orders;
    private final AccountRepository accounts;
    private final ProductRepository products;
    private final PricingService pricing;
    private final OrderWorkflow workflow;
    private final AuditTrail audit;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Idempotency idempotency;

    OrderIntake(OrderRepository orders, AccountRepository accounts, ProductRepository products, PricingService pricing,
                OrderWorkflow workflow, AuditTrail audit, ObjectMapper objectMapper, Clock clock, Idempotency idempotency) {
        this.orders = orders;
        this.accounts = accounts;
        this.products = products;
        this.pricing = pricing;
        this.workflow = workflow;
        this.audit = audit;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    /** The result of a submission: the order, and whether this call created it. */
    public record Submission(SalesOrder order, boolean created) {
    }

    @Transactional
    public Submission submit(OrderRequest request, String idempotencyKey, String submittedBy) {
        String requestHash = fingerprint(request);
        if (idempotencyKey != null) {
            Optional<String> earlier = idempotency.claim(SCOPE, submittedBy, idempotencyKey, requestHash,
                    orderId -> "order " + orderNumber(orderId) + " with a different request body");
            if (earlier.isPresent()) {
                return new Submission(orders.findById(Long.parseLong(earlier.get())).orElseThrow(), false);
            }
        }
        Optional<SalesOrder> samePo = earlierWithSamePo(request, requestHash);
        if (samePo.isPresent()) {
            answered(idempotencyKey, submittedBy, samePo.get());
            return new Submission(samePo.get(), false);
        }
        RequestedDelivery.check("requestedDeliveryDate", request.requestedDeliveryDate(), LocalDate.now(clock));
        PricedOrder priced = pricing.price(request.accountCode(), request.currency(), request.lines());
        Account account = accounts.findByCode(request.accountCode()).orElseThrow();
        Map<Long, Product> byId = products.findAllById(priced.lines().stream().map(PricedOrder.PricedLine::productId).toList())
                .stream().collect(Collectors.toMap(Product::getId, Function.identity()));
        FillPolicy fillPolicy = request.fillPolicy() != null ? request.fillPolicy() : account.getFillPolicy();
        Integer minFillRate = request.minFillRatePercent() != null ? request.minFillRatePercent() : account.getMinFillRate();
        if (fillPolicy == FillPolicy.MIN_FILL_RATE && minFillRate == null) {
            throw new InvalidInput("minFillRatePercent", "is needed with fill policy MIN_FILL_RATE (account "
                    + account.getCode() + " has no default)");
        }
        SalesOrder capture = SalesOrder.capture(orders.nextOrderNumber(), account, request.customerPoNumber(),
                request.requestedDeliveryDate(), requestHash, submittedBy, priced, byId, clock.instant());
        capture.fulfilmentTerms(fillPolicy, minFillRate, request.urgency() == null ? Urgency.NORMAL : request.urgency());
        SalesOrder order = orders.save(capture);
        answered(idempotencyKey, submittedBy, order);
        audit.record(order.getId(), "ORDER_RECEIVED", "Order " + order.getOrderNumber() + " for " + account.getCode()
                + ", PO " + order.getCustomerPoNumber() + ", " + order.getLines().size() + " lines, "
                + order.getNetTotal().toPlainString() + " " + order.getCurrency() + ", priced by rules " + order.getRuleSetChecksum()
                + ", fill policy " + fillPolicy + (fillPolicy == FillPolicy.MIN_FILL_RATE ? " " + minFillRate + " %" : ""));
        workflow.start(order.getId(), order.getOrderNumber());
        return new Submission(order, true);
    }

    private void answered(String idempotencyKey, String caller, SalesOrder order) {
        if (idempotencyKey != null) {
            idempotency.answered(SCOPE, caller, idempotencyKey, String.valueOf(order.getId()));
        }
    }

    private String orderNumber(String orderId) {
        return orderId == null ? "another order" : orders.findById(Long.parseLong(orderId))
                .map(SalesOrder::getOrderNumber).orElse(orderId);
    }

    /** A customer PO is one order: resubmitted unchanged it is that order, changed it is refused. */
    private Optional<SalesOrder> earlierWithSamePo(OrderRequest request, String requestHash) {
        Optional<SalesOrder> byPo = orders.findByAccountCodeAndCustomerPoNumber(request.accountCode(), request.customerPoNumber());
        if (byPo.isPresent() && !byPo.get().getRequestHash().equals(requestHash)) {
            throw new DuplicateOrder(request.accountCode(), request.customerPoNumber(), byPo.get().getOrderNumber());
        }
        return byPo;
    }

    private String fingerprint(OrderRequest request) {
        try {
            return Idempotency.fingerprint(objectMapper.writeValueAsBytes(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint the order request", e);
        }
    }
}
