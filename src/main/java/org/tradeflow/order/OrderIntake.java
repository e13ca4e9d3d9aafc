package org.tradeflow.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.account.Account;
import org.tradeflow.account.FillPolicy;
import org.tradeflow.account.AccountRepository;
import org.tradeflow.audit.AuditTrail;
import org.tradeflow.catalog.Product;
import org.tradeflow.catalog.ProductRepository;
import org.tradeflow.pricing.PricedOrder;
import org.tradeflow.pricing.PricingService;
import org.tradeflow.web.ApiProblem;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
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

    private final OrderRepository orders;
    private final AccountRepository accounts;
    private final ProductRepository products;
    private final PricingService pricing;
    private final OrderWorkflow workflow;
    private final AuditTrail audit;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    OrderIntake(OrderRepository orders, AccountRepository accounts, ProductRepository products, PricingService pricing,
                OrderWorkflow workflow, AuditTrail audit, ObjectMapper objectMapper, Clock clock) {
        this.orders = orders;
        this.accounts = accounts;
        this.products = products;
        this.pricing = pricing;
        this.workflow = workflow;
        this.audit = audit;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** The result of a submission: the order, and whether this call created it. */
    public record Submission(SalesOrder order, boolean created) {
    }

    @Transactional
    public Submission submit(OrderRequest request, String idempotencyKey, String submittedBy) {
        String requestHash = fingerprint(request);
        String callerKey = callerScoped(idempotencyKey, submittedBy);
        Optional<SalesOrder> earlier = findEarlierOrder(request, callerKey, requestHash);
        if (earlier.isPresent()) {
            return new Submission(earlier.get(), false);
        }
        RequestedDelivery.check("requestedDeliveryDate", request.requestedDeliveryDate(), LocalDate.now(clock));
        PricedOrder priced = pricing.price(request.accountCode(), request.currency(), request.lines());
        Account account = accounts.findByCode(request.accountCode()).orElseThrow();
        Map<Long, Product> byId = products.findAllById(priced.lines().stream().map(PricedOrder.PricedLine::productId).toList())
                .stream().collect(Collectors.toMap(Product::getId, Function.identity()));
        FillPolicy fillPolicy = request.fillPolicy() != null ? request.fillPolicy() : account.getFillPolicy();
        Integer minFillRate = request.minFillRatePercent() != null ? request.minFillRatePercent() : account.getMinFillRate();
        if (fillPolicy == FillPolicy.MIN_FILL_RATE && minFillRate == null) {
            throw ApiProblem.invalidField("minFillRatePercent", "is needed with fill policy MIN_FILL_RATE (account "
                    + account.getCode() + " has no default)");
        }
        SalesOrder capture = SalesOrder.capture(orders.nextOrderNumber(), account, request.customerPoNumber(),
                request.requestedDeliveryDate(), callerKey, requestHash, submittedBy, priced, byId, clock.instant());
        capture.fulfilmentTerms(fillPolicy, minFillRate, request.urgency() == null ? Urgency.NORMAL : request.urgency());
        SalesOrder order = orders.save(capture);
        audit.record(order.getId(), "ORDER_RECEIVED", "Order " + order.getOrderNumber() + " for " + account.getCode()
                + ", PO " + order.getCustomerPoNumber() + ", " + order.getLines().size() + " lines, "
                + order.getNetTotal().toPlainString() + " " + order.getCurrency() + ", priced by rules " + order.getRuleSetChecksum()
                + ", fill policy " + fillPolicy + (fillPolicy == FillPolicy.MIN_FILL_RATE ? " " + minFillRate + " %" : ""));
        workflow.start(order.getId(), order.getOrderNumber());
        return new Submission(order, true);
    }

    /**
     * After a concurrent duplicate lost the race on the unique keys: the winner has committed, so
     * this finds it (or says why the submission conflicts with it).
     */
    @Transactional(readOnly = true)
    public Optional<SalesOrder> findEarlier(OrderRequest request, String idempotencyKey, String submittedBy) {
        return findEarlierOrder(request, callerScoped(idempotencyKey, submittedBy), fingerprint(request));
    }

    /** One caller's key never finds another caller's order. */
    private static String callerScoped(String idempotencyKey, String caller) {
        return idempotencyKey == null ? null : caller + "/" + idempotencyKey;
    }

    private Optional<SalesOrder> findEarlierOrder(OrderRequest request, String idempotencyKey, String requestHash) {
        if (idempotencyKey != null) {
            Optional<SalesOrder> byKey = orders.findByIdempotencyKey(idempotencyKey);
            if (byKey.isPresent()) {
                if (!byKey.get().getRequestHash().equals(requestHash)) {
                    throw ApiProblem.invalidField("Idempotency-Key", "was already used by you for order "
                            + byKey.get().getOrderNumber() + " with a different request body");
                }
                return byKey;
            }
        }
        Optional<SalesOrder> byPo = orders.findByAccountCodeAndCustomerPoNumber(request.accountCode(), request.customerPoNumber());
        if (byPo.isPresent() && !byPo.get().getRequestHash().equals(requestHash)) {
            throw ApiProblem.conflict("Customer PO " + request.customerPoNumber() + " of account " + request.accountCode()
                    + " was already submitted as order " + byPo.get().getOrderNumber() + " with different content");
        }
        return byPo;
    }

    private String fingerprint(OrderRequest request) {
        try {
            byte[] canonical = objectMapper.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the order request", e);
        }
    }
}
