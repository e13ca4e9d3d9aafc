package org.tradeflow.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds order request bodies that read like the order: {@code anOrder().forAccount("ACME-DE").line("85123A", 24)}. */
public final class OrderRequests {

    private String accountCode = "ACME-DE";
    private String customerPoNumber = Fixtures.poNumber();
    private final List<Map<String, Object>> lines = new ArrayList<>();
    private final Map<String, Object> options = new LinkedHashMap<>();

    private OrderRequests() {
    }

    public static OrderRequests anOrder() {
        return new OrderRequests();
    }

    public OrderRequests forAccount(String accountCode) {
        this.accountCode = accountCode;
        return this;
    }

    public OrderRequests withPo(String customerPoNumber) {
        this.customerPoNumber = customerPoNumber;
        return this;
    }

    public OrderRequests line(String sku, int quantity) {
        lines.add(Map.of("sku", sku, "quantity", quantity));
        return this;
    }

    /** A line for one of the account's delivery addresses. */
    public OrderRequests line(String sku, int quantity, String shipTo) {
        lines.add(Map.of("sku", sku, "quantity", quantity, "shipTo", shipTo));
        return this;
    }

    /** fillPolicy, minFillRatePercent, urgency, requestedDeliveryDate, ... */
    public OrderRequests with(String field, Object value) {
        options.put(field, value);
        return this;
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountCode", accountCode);
        body.put("customerPoNumber", customerPoNumber);
        body.put("lines", lines);
        body.putAll(options);
        return body;
    }
}
