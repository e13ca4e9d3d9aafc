package org.tradeflow.dunning;

import org.springframework.stereotype.Component;
import org.tradeflow.account.Account;
import org.tradeflow.invoicing.Invoice;
import org.tradeflow.invoicing.InvoiceText;
import org.tradeflow.invoicing.PdfDocuments;
import org.tradeflow.invoicing.PostalAddress;
import org.tradeflow.invoicing.SellerProperties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * A reminder as the customer reads it (templates/documents/dunning-notice.xhtml), a PDF/A-3b like the invoice, rendered
 * from the recorded reminder and the invoice each time it is asked for: the figures are the ones sent, the seller
 * and bank account the current ones.
 */
@Component
class DunningLetter {

    private final PdfDocuments documents;
    private final SellerProperties seller;

    DunningLetter(PdfDocuments documents, SellerProperties seller) {
        this.documents = documents;
        this.seller = seller;
    }

    byte[] render(Invoice invoice, DunningNotice notice) {
        // an opening balance taken over from a previous system has no buyer of its own: the account is the buyer
        Account account = invoice.getAccount();
        PostalAddress buyer = invoice.getBuyer() != null ? invoice.getBuyer() : new PostalAddress(account.getName(),
                account.getStreet(), account.getPostalCode(), account.getCity(), account.getCountry());
        Map<String, Object> letter = new HashMap<>();
        letter.put("title", DunningView.title(notice));
        letter.put("level", notice.level());
        letter.put("invoiceNumber", notice.invoiceNumber());
        letter.put("accountCode", notice.accountCode());
        letter.put("buyerName", text(buyer.name()));
        letter.put("buyerStreet", text(buyer.street()));
        letter.put("buyerCity", text(buyer.postalCode()) + " " + text(buyer.city()));
        letter.put("buyerCountry", text(buyer.country()));
        letter.put("issuedOn", notice.issuedOn().toString());
        letter.put("invoiceIssuedOn", invoice.getIssuedOn().toString());
        letter.put("dueOn", invoice.getDueOn().toString());
        letter.put("daysOverdue", notice.daysOverdue());
        letter.put("openAmount", money(notice.openAmount(), notice.currency()));
        letter.put("fee", money(notice.fee(), notice.currency()));
        letter.put("interestPercent", notice.interestPercent().stripTrailingZeros().toPlainString());
        letter.put("interest", money(notice.interest(), notice.currency()));
        letter.put("totalDue", money(notice.totalDue(), notice.currency()));
        letter.put("payBy", notice.payBy().toString());
        letter.put("blocksOrders", notice.blocksOrders());
        letter.put("finalNotice", notice.callCustomer());
        return documents.render("dunning-notice", Map.of("letter", letter, "seller", seller));
    }

    /** 1,234.50 EUR: amounts read as on the invoice (InvoiceText), with the currency. */
    private static String money(BigDecimal amount, String currency) {
        return new InvoiceText(currency).amount(amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(),
                RoundingMode.HALF_UP)) + " " + currency;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
