package org.tradeflow.receivables;

import org.springframework.stereotype.Component;
import org.tradeflow.invoicing.InvoiceText;
import org.tradeflow.invoicing.PdfDocuments;
import org.tradeflow.invoicing.SellerProperties;

import java.util.Map;

/** The statement of account a customer reads and files (templates/documents/statement.xhtml), a PDF/A-3b like the invoices. */
@Component
class StatementPdf {

    private static final Map<StatementOfAccount.Kind, String> KINDS = Map.of(
            StatementOfAccount.Kind.INVOICE, "Invoice",
            StatementOfAccount.Kind.CREDIT_NOTE, "Credit note",
            StatementOfAccount.Kind.PAYMENT, "Payment",
            StatementOfAccount.Kind.DISCOUNT, "Discount",
            StatementOfAccount.Kind.REFUND, "Refund");

    private final PdfDocuments documents;
    private final SellerProperties seller;

    StatementPdf(PdfDocuments documents, SellerProperties seller) {
        this.documents = documents;
        this.seller = seller;
    }

    byte[] render(StatementOfAccount statement) {
        return documents.render("statement", Map.of("statement", statement, "seller", seller, "kinds", KINDS,
                "text", new InvoiceText(statement.currency())));
    }
}
