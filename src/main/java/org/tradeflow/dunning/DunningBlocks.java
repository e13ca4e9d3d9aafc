package org.tradeflow.dunning;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.invoicing.InvoiceDocuments;
import org.tradeflow.invoicing.InvoiceStatus;

import java.util.List;
import java.util.Optional;

/**
 * Whether dunning holds an account's new orders, derived each time it is asked: an unpaid, undisputed invoice whose
 * latest reminder's row of dunning.xlsx says it blocks orders. The credit check asks it.
 */
@Component
public class DunningBlocks {

    private final DunningRecords records;
    private final InvoiceDocuments invoices;

    DunningBlocks(DunningRecords records, InvoiceDocuments invoices) {
        this.records = records;
        this.invoices = invoices;
    }

    /** Why the account's new orders are held, naming the invoice; empty when dunning holds none. */
    @Transactional(readOnly = true)
    public Optional<String> holdReason(String accountCode) {
        List<DunningRecords.Block> blocks = records.blocks(accountCode);
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        var byId = invoices.byId(blocks.stream().map(DunningRecords.Block::invoiceId).toList());
        return blocks.stream().filter(block -> byId.get(block.invoiceId()).getStatus() != InvoiceStatus.PAID).findFirst()
                .map(block -> "Dunning: invoice " + block.invoiceNumber() + " is unpaid at reminder level " + block.level()
                        + ", which holds new orders of the account until it is paid or disputed");
    }

    /** The account's invoices with an open dispute: the customer is not asked to pay them meanwhile. */
    @Transactional(readOnly = true)
    public List<Long> disputedInvoiceIds(String accountCode) {
        return records.disputedInvoiceIds(accountCode);
    }
}
