package org.tradeflow.approval;

import java.math.BigDecimal;

/** What the approval table sees of a priced order. */
public final class ApprovalCase {

    private final String accountCode;
    private final String customerGroup;
    private final String currency;
    private final BigDecimal netTotal;
    private final int accountAgeDays;
    private final int linesBelowFloor;

    public ApprovalCase(String accountCode, String customerGroup, String currency, BigDecimal netTotal, int accountAgeDays,
                        int linesBelowFloor) {
        this.accountCode = accountCode;
        this.customerGroup = customerGroup;
        this.currency = currency;
        this.netTotal = netTotal;
        this.accountAgeDays = accountAgeDays;
        this.linesBelowFloor = linesBelowFloor;
    }

    public String getAccountCode() { return accountCode; }
    public String getCustomerGroup() { return customerGroup; }
    public String getCurrency() { return currency; }
    public BigDecimal getNetTotal() { return netTotal; }
    public int getAccountAgeDays() { return accountAgeDays; }
    public int getLinesBelowFloor() { return linesBelowFloor; }
}
