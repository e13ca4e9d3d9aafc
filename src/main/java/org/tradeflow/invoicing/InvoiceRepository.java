package org.tradeflow.invoicing;

import org.springframework.data.domain.Pageable;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import jakarta.persistence.QueryHint;
import org.springframework.data.repository.query.Param;

import org.tradeflow.order.OrderStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    /** Per order line of the order: quantity and amount invoiced so far. */
    @Query("""
            select new org.tradeflow.invoicing.InvoicedSoFar(l.orderLine.id, sum(l.quantity), sum(l.netAmount))
              from InvoiceLine l where l.orderLine.order.id = :orderId
               and l.invoice.documentType = org.tradeflow.invoicing.DocumentType.INVOICE group by l.orderLine.id""")
    List<InvoicedSoFar> invoicedSoFar(long orderId);

    /**
     * Newest first; a null filter matches every invoice. A status matches as {@link Invoice#statusOn} reports it on
     * {@code today}: OVERDUE is any unpaid invoice past due, OPEN and PARTIALLY_PAID only those not yet due.
     * Account, order and shipment come with each.
     */
    @Query("""
            select i from Invoice i join fetch i.account a left join fetch i.order o left join fetch i.shipment
             where (:accountCode is null or a.code = :accountCode)
               and (:orderId is null or o.id = :orderId)
               and (:documentType is null or i.documentType = :documentType)
               and (:status is null
                    or (:status = org.tradeflow.invoicing.InvoiceStatus.OVERDUE
                        and i.status <> org.tradeflow.invoicing.InvoiceStatus.PAID and i.dueOn < :today
                        and i.documentType = org.tradeflow.invoicing.DocumentType.INVOICE)
                    or (i.status = :status and (i.status = org.tradeflow.invoicing.InvoiceStatus.PAID or i.dueOn >= :today
                        or i.documentType = org.tradeflow.invoicing.DocumentType.CREDIT_NOTE)))
               and (cast(:dueFrom as date) is null or i.dueOn >= :dueFrom)
               and (cast(:dueTo as date) is null or i.dueOn <= :dueTo)
             order by i.id desc""")
    List<Invoice> search(@Param("accountCode") String accountCode, @Param("orderId") Long orderId,
                         @Param("documentType") DocumentType documentType, @Param("status") InvoiceStatus status, @Param("dueFrom") LocalDate dueFrom,
                         @Param("dueTo") LocalDate dueTo, @Param("today") LocalDate today, Pageable page);

    /** The invoice with its lines, their order lines and products, in one statement. */
    @Query("""
            select i from Invoice i join fetch i.account left join fetch i.order left join fetch i.shipment
              left join fetch i.creditedInvoice left join fetch i.lines l left join fetch l.orderLine ol left join fetch ol.product
             where i.id = :id""")
    Optional<Invoice> findWithLines(@Param("id") long id);

    /** The account's invoices and credit notes issued on or before a day, with their orders and applications, oldest first. */
    @Query("""
            select distinct i from Invoice i left join fetch i.order left join fetch i.creditedInvoice left join fetch i.applications
             where i.account.id = :accountId and i.issuedOn <= :upTo order by i.issuedOn, i.id""")
    List<Invoice> issuedUpTo(long accountId, LocalDate upTo);

    @Query("select i from Invoice i left join fetch i.shipment where i.order.id = :orderId and i.documentType = org.tradeflow.invoicing.DocumentType.INVOICE order by i.id")
    List<Invoice> findWithShipmentByOrderId(long orderId);

    @Query("""
            select coalesce(sum(i.netTotal), 0) from Invoice i
             where i.order.account.id = :accountId and i.order.id <> :exceptOrderId and i.order.status in :open
               and i.documentType = org.tradeflow.invoicing.DocumentType.INVOICE""")
    BigDecimal invoicedOnOpenOrders(long accountId, long exceptOrderId, Collection<OrderStatus> open);

    /** What the account owes on its unpaid invoices. */
    @Query("""
            select coalesce(sum(i.grossTotal - i.amountPaid - i.discountTaken - i.amountCredited), 0) from Invoice i
             where i.account.id = :accountId and i.status <> org.tradeflow.invoicing.InvoiceStatus.PAID and i.documentType = org.tradeflow.invoicing.DocumentType.INVOICE""")
    BigDecimal openTotal(long accountId);

    @Query("""
            select count(i) > 0 from Invoice i
             where i.account.id = :accountId and i.status <> org.tradeflow.invoicing.InvoiceStatus.PAID and i.dueOn < :today
               and i.documentType = org.tradeflow.invoicing.DocumentType.INVOICE""")
    boolean anyOverdue(long accountId, LocalDate today);

    /** The account's unpaid invoices, oldest due first, locked until the payment applied to them commits. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select i from Invoice i where i.account.id = :accountId and i.status <> org.tradeflow.invoicing.InvoiceStatus.PAID
               and i.documentType = org.tradeflow.invoicing.DocumentType.INVOICE order by i.dueOn, i.id""")
    List<Invoice> lockUnpaid(long accountId);

    long countByOrderIdAndDocumentType(long orderId, DocumentType documentType);

    @Query("""
            select count(i) from Invoice i
             where i.order.id = :orderId and i.status <> org.tradeflow.invoicing.InvoiceStatus.PAID and i.documentType = org.tradeflow.invoicing.DocumentType.INVOICE""")
    long countUnpaid(long orderId);

    /** The order has invoices, and every one is paid. */
    default boolean allPaid(long orderId) {
        return countByOrderIdAndDocumentType(orderId, DocumentType.INVOICE) > 0 && countUnpaid(orderId) == 0;
    }

    /** The net the credit notes of an invoice credit. */
    @Query("select coalesce(sum(i.netTotal), 0) from Invoice i where i.creditedInvoice.id = :invoiceId")
    BigDecimal creditedNet(long invoiceId);

    @Query("select i from Invoice i where i.shipment.id = :shipmentId and i.documentType = org.tradeflow.invoicing.DocumentType.INVOICE")
    Optional<Invoice> findInvoiceOfShipment(long shipmentId);

    Optional<Invoice> findByInvoiceNumber(String invoiceNumber);

    Optional<Invoice> findByDocumentTypeAndSourceReference(DocumentType documentType, String sourceReference);

    /** The account's credit notes with credit left, oldest first, locked until what is applied of them commits. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select i from Invoice i where i.account.id = :accountId and i.status = org.tradeflow.invoicing.InvoiceStatus.OPEN
               and i.documentType = org.tradeflow.invoicing.DocumentType.CREDIT_NOTE order by i.id""")
    List<Invoice> lockOpenCreditNotes(long accountId);

    /** The credit left on the account's credit notes. */
    @Query("""
            select coalesce(sum(i.grossTotal - i.amountApplied), 0) from Invoice i
             where i.account.id = :accountId and i.status = org.tradeflow.invoicing.InvoiceStatus.OPEN
               and i.documentType = org.tradeflow.invoicing.DocumentType.CREDIT_NOTE""")
    BigDecimal openCreditNoteTotal(long accountId);

    /** Unpaid invoices (not credit notes) by number, as values. */
    @Query("""
            select new org.tradeflow.invoicing.PayableRow(i.id, i.invoiceNumber, a.code, a.name, i.currency, i.grossTotal,
                   i.amountPaid, i.discountTaken, i.amountCredited, i.discountPercent, i.discountDueOn)
              from Invoice i join i.account a
             where i.invoiceNumber in :numbers and i.status <> org.tradeflow.invoicing.InvoiceStatus.PAID
               and i.documentType = org.tradeflow.invoicing.DocumentType.INVOICE""")
    List<PayableRow> payableByNumber(Collection<String> numbers);

    /** Unpaid invoices in a currency owing exactly this amount (invoice_unpaid_amount_idx), as values. */
    @Query("""
            select new org.tradeflow.invoicing.PayableRow(i.id, i.invoiceNumber, a.code, a.name, i.currency, i.grossTotal,
                   i.amountPaid, i.discountTaken, i.amountCredited, i.discountPercent, i.discountDueOn)
              from Invoice i join i.account a
             where i.currency = :currency and i.status <> org.tradeflow.invoicing.InvoiceStatus.PAID
               and i.documentType = org.tradeflow.invoicing.DocumentType.INVOICE
               and i.grossTotal - i.amountPaid - i.discountTaken - i.amountCredited = :amount
             order by i.id""")
    List<PayableRow> payableOwing(String currency, BigDecimal amount);

    /** Unpaid invoices in a currency whose early-payment discount still holds on the day (invoice_discount_open_idx). */
    @Query("""
            select new org.tradeflow.invoicing.PayableRow(i.id, i.invoiceNumber, a.code, a.name, i.currency, i.grossTotal,
                   i.amountPaid, i.discountTaken, i.amountCredited, i.discountPercent, i.discountDueOn)
              from Invoice i join i.account a
             where i.currency = :currency and i.status <> org.tradeflow.invoicing.InvoiceStatus.PAID
               and i.documentType = org.tradeflow.invoicing.DocumentType.INVOICE
               and i.discountPercent is not null and i.discountDueOn >= :valueDate and i.discountTaken = 0
             order by i.id""")
    List<PayableRow> payableWithDiscountOn(String currency, LocalDate valueDate);

    /** Ids of the invoices not paid in full past their due date, in id order after {@code afterId}: what dunning looks at. */
    @Query("""
            select i.id from Invoice i where i.status <> org.tradeflow.invoicing.InvoiceStatus.PAID and i.dueOn < :today
               and i.documentType = org.tradeflow.invoicing.DocumentType.INVOICE and i.id > :afterId order by i.id""")
    List<Long> overdueIds(LocalDate today, long afterId, Pageable page);

    /** The invoice, locked; empty when another transaction holds it (a payment being applied, another server's dunning run). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2")) // -2: skip locked
    @Query("select i from Invoice i join fetch i.account where i.id = :id")
    Optional<Invoice> lockUnlessLocked(long id);

    @Query("""
            select count(i) > 0 from Invoice i
             where i.account.id = :accountId and i.status <> org.tradeflow.invoicing.InvoiceStatus.PAID and i.dueOn < :today
               and i.documentType = org.tradeflow.invoicing.DocumentType.INVOICE and i.id not in :except""")
    boolean anyOverdueExcept(long accountId, LocalDate today, Collection<Long> except);
}
