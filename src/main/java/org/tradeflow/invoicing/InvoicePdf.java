package org.tradeflow.invoicing;

import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The invoice a person reads and archives: the same {@link InvoiceView} the JSON answers and the UBL is written
 * from, with the seller, laid out on A4 pages (templates/documents/invoice.xhtml).
 */
@Component
class InvoicePdf {

    private final PdfDocuments documents;
    private final SellerProperties seller;

    InvoicePdf(PdfDocuments documents, SellerProperties seller) {
        this.documents = documents;
        this.seller = seller;
    }

    byte[] render(InvoiceView invoice) {
        return documents.render("invoice", Map.of("invoice", invoice, "seller", seller,
                "title", invoice.creditNote() ? "Credit note" : "Invoice", "text", new InvoiceText(invoice.currency())));
    }
}
