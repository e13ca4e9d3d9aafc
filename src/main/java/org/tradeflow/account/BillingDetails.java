package org.tradeflow.account;

import java.math.BigDecimal;

/** Who an account's invoices bill and where, and the terms they are paid on (an early-payment discount is optional). */
public record BillingDetails(String name, String street, String postalCode, String city, String country, String vatId,
                             int paymentTermsDays, BigDecimal earlyPaymentPercent, Integer earlyPaymentDays) {
}
