package org.tradeflow.account;

import java.math.BigDecimal;

/** Finance changed an account's credit limit; a raise re-checks the orders held for credit. */
public record CreditLimitChanged(String accountCode, BigDecimal oldLimit, BigDecimal newLimit, String currency, String by) {
}
