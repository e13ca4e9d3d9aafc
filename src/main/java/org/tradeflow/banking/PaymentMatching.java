package org.tradeflow.banking;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which account and invoices a credit on the bank statement pays: the invoices its remittance names or, naming
 * none, the one open invoice of exactly that amount. Anything less certain is left to a person.
 */
final class PaymentMatching {

    private PaymentMatching() {
    }

    /** An unpaid invoice as matching sees it; {@code cashToSettle} is what settles it on the value date, discount taken. */
    record OpenInvoice(String invoiceNumber, String accountCode, String accountName, String currency,
                       BigDecimal amountDue, BigDecimal cashToSettle) {
    }

    sealed interface Outcome {
    }

    /** Book on this account, allocated to these invoices in order ({@code invoiceNumbers} empty: oldest due first). */
    record Matched(String accountCode, List<String> invoiceNumbers, String how) implements Outcome {
    }

    record NeedsMatching(String why) implements Outcome {
    }

    /**
     * @param named    the invoices, of any state, whose numbers the remittance names (see {@link InvoiceReferences})
     * @param unpaid   every open invoice in the credit's currency
     */
    static Outcome match(CamtStatement.Entry credit, List<String> numbers, Map<String, OpenInvoice> named,
                         List<OpenInvoice> unpaid) {
        if (!numbers.isEmpty()) {
            List<String> unknown = numbers.stream().filter(number -> !named.containsKey(number)).toList();
            if (!unknown.isEmpty()) {
                return new NeedsMatching("the remittance names " + String.join(", ", unknown) + ", which is no open invoice");
            }
            List<String> accounts = numbers.stream().map(number -> named.get(number).accountCode()).distinct().toList();
            if (accounts.size() > 1) {
                return new NeedsMatching("the remittance names invoices of " + String.join(" and ", accounts));
            }
            if (!named.get(numbers.get(0)).currency().equals(credit.currency())) {
                return new NeedsMatching("the invoices are in " + named.get(numbers.get(0)).currency() + ", the credit in "
                        + credit.currency());
            }
            return new Matched(accounts.get(0), numbers, "invoice numbers in the remittance");
        }
        List<OpenInvoice> sameAmount = unpaid.stream().filter(invoice -> invoice.currency().equals(credit.currency()))
                .filter(invoice -> invoice.amountDue().compareTo(credit.amount()) == 0
                        || invoice.cashToSettle().compareTo(credit.amount()) == 0)
                .toList();
        if (sameAmount.size() > 1 && credit.debtorName() != null) {
            // several invoices of that amount: the payer's name may tell whose it is
            String payer = normalised(credit.debtorName());
            sameAmount = sameAmount.stream().filter(invoice -> normalised(invoice.accountName()).equals(payer)).toList();
        }
        if (sameAmount.size() == 1) {
            OpenInvoice invoice = sameAmount.get(0);
            return new Matched(invoice.accountCode(), List.of(invoice.invoiceNumber()), "the amount of " + invoice.invoiceNumber());
        }
        return new NeedsMatching(sameAmount.isEmpty()
                ? "no invoice number in the remittance and no open invoice of " + credit.amount().toPlainString() + " " + credit.currency()
                : "no invoice number in the remittance and " + sameAmount.size() + " open invoices of that amount");
    }

    /** Invoices by number, for {@link #match}'s {@code named}. */
    static Map<String, OpenInvoice> byNumber(List<OpenInvoice> invoices) {
        return invoices.stream().collect(Collectors.toMap(OpenInvoice::invoiceNumber, Function.identity(), (a, b) -> a));
    }

    private static String normalised(String name) {
        return Optional.ofNullable(name).orElse("").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
