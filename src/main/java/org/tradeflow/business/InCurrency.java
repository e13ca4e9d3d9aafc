package org.tradeflow.business;

/**
 * A response whose amounts are in one currency: the amounts in it (and in what it contains, such as its lines)
 * are written with the currency's decimals (EUR 2, JPY 0), whatever scale the database or a calculation gave them.
 */
public interface InCurrency {

    /** ISO 4217 code, such as EUR. */
    String currency();
}
