package org.tradeflow.invoicing;

import com.helger.ubl21.UBL21Marshaller;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AllowanceChargeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BillingReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CreditNoteLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BranchType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ContactType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CountryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DeliveryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DocumentReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.FinancialAccountType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.LocationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.OrderLineReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.OrderReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyLegalEntityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyNameType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyTaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentMeansType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentTermsType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.AllowanceChargeReasonType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.CreditedQuantityType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.EndpointIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.InvoicedQuantityType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.PaymentIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.PaymentMeansCodeType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxExemptionReasonType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_21.AmountType;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;

/**
 * The invoice as a UBL 2.1 Invoice (a credit note as a UBL CreditNote) for e-invoicing: Peppol BIS Billing 3.0, and so EN 16931. Written from the same
 * {@link InvoiceView} the JSON and the PDF show, with the seller; the XSD is checked as it is written.
 */
@Component
class UblInvoice {

    static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    static final String PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    /** UNCL 1001: commercial invoice. */
    private static final String COMMERCIAL_INVOICE = "380";
    /** UNCL 1001: credit note. */
    private static final String CREDIT_NOTE = "381";
    /** UNCL 4461: SEPA credit transfer. */
    private static final String SEPA_CREDIT_TRANSFER = "58";
    /** UN/ECE Recommendation 20: "one", a quantity counted in the product's selling unit. */
    private static final String UNIT = "C62";

    /**
     * The Peppol electronic address scheme (EAS) of a VAT id, by the id's country prefix: a party's VAT id is its
     * Peppol address where nothing else is known. Only countries whose VAT id has a scheme of its own.
     */
    private static final Map<String, String> VAT_ADDRESS_SCHEMES = Map.ofEntries(
            Map.entry("AD", "9922"), Map.entry("AL", "9923"), Map.entry("AT", "9914"), Map.entry("BA", "9924"),
            Map.entry("BE", "9925"), Map.entry("BG", "9926"), Map.entry("CH", "9927"), Map.entry("CY", "9928"),
            Map.entry("CZ", "9929"), Map.entry("DE", "9930"), Map.entry("EE", "9931"), Map.entry("EL", "9933"),
            Map.entry("ES", "9920"), Map.entry("FI", "0213"), Map.entry("FR", "9957"), Map.entry("GB", "9932"),
            Map.entry("HR", "9934"), Map.entry("HU", "9910"), Map.entry("IE", "9935"), Map.entry("IT", "0211"),
            Map.entry("LI", "9936"), Map.entry("LT", "9937"), Map.entry("LU", "9938"), Map.entry("LV", "9939"),
            Map.entry("MC", "9940"), Map.entry("ME", "9941"), Map.entry("MK", "9942"), Map.entry("MT", "9943"),
            Map.entry("NL", "9944"), Map.entry("PL", "9945"), Map.entry("PT", "9946"), Map.entry("RO", "9947"),
            Map.entry("RS", "9948"), Map.entry("SI", "9949"), Map.entry("SK", "9950"), Map.entry("SM", "9951"),
            Map.entry("TR", "9952"), Map.entry("VA", "9953"));

    private final SellerProperties seller;

    UblInvoice(SellerProperties seller) {
        this.seller = seller;
    }

    /** The UBL document, UTF-8: an Invoice, or a CreditNote for a credit note. */
    byte[] write(InvoiceView invoice) {
        byte[] xml = invoice.creditNote()
                ? UBL21Marshaller.creditNote().setFormattedOutput(true).getAsBytes(new Document(invoice).buildCreditNote())
                : UBL21Marshaller.invoice().setFormattedOutput(true).getAsBytes(new Document(invoice).build());
        if (xml == null) { // the marshaller logs which XSD rule the document broke
            throw new IllegalStateException("UBL of invoice " + invoice.invoiceNumber() + " does not conform to the UBL 2.1 schema");
        }
        return xml;
    }

    /** One invoice being written: its amounts all carry its currency, with the currency's decimals. */
    private final class Document {

        private final InvoiceView invoice;
        private final int minorUnits;

        Document(InvoiceView invoice) {
            this.invoice = invoice;
            this.minorUnits = Math.max(0, Currency.getInstance(invoice.currency()).getDefaultFractionDigits());
        }

        InvoiceType build() {
            InvoiceType ubl = new InvoiceType();
            ubl.setCustomizationID(CUSTOMIZATION);
            ubl.setProfileID(PROFILE);
            ubl.setID(invoice.invoiceNumber());
            ubl.setIssueDate(invoice.issuedOn());
            ubl.setDueDate(invoice.dueOn());
            ubl.setInvoiceTypeCode(COMMERCIAL_INVOICE);
            ubl.setDocumentCurrencyCode(invoice.currency());
            ubl.setBuyerReference(buyerReference());
            if (invoice.orderNumber() != null) {
                ubl.setOrderReference(orderReference());
            }
            if (invoice.shipmentNumber() != null) {
                DocumentReferenceType despatch = new DocumentReferenceType();
                despatch.setID(invoice.shipmentNumber());
                ubl.addDespatchDocumentReference(despatch);
            }
            ubl.setAccountingSupplierParty(supplier());
            ubl.setAccountingCustomerParty(customer());
            if (invoice.shipTo() != null || invoice.deliveredOn() != null) {
                ubl.addDelivery(delivery());
            }
            ubl.addPaymentMeans(paymentMeans());
            PaymentTermsType terms = new PaymentTermsType();
            terms.addNote(new NoteType(invoice.terms().description()));
            ubl.addPaymentTerms(terms);
            ubl.addTaxTotal(taxTotal());
            ubl.setLegalMonetaryTotal(totals());
            invoice.lines().forEach(line -> ubl.addInvoiceLine(line(line)));
            return ubl;
        }

        /** A credit note says which invoice it corrects (BG-3) and why, and credits at that invoice's tax. */
        CreditNoteType buildCreditNote() {
            CreditNoteType ubl = new CreditNoteType();
            ubl.setCustomizationID(CUSTOMIZATION);
            ubl.setProfileID(PROFILE);
            ubl.setID(invoice.invoiceNumber());
            ubl.setIssueDate(invoice.issuedOn());
            ubl.setCreditNoteTypeCode(CREDIT_NOTE);
            if (invoice.creditReason() != null) {
                ubl.addNote(new NoteType(invoice.creditReason()));
            }
            ubl.setDocumentCurrencyCode(invoice.currency());
            ubl.setBuyerReference(buyerReference());
            if (invoice.orderNumber() != null) {
                ubl.setOrderReference(orderReference());
            }
            BillingReferenceType billing = new BillingReferenceType();
            DocumentReferenceType credited = new DocumentReferenceType();
            credited.setID(invoice.creditedInvoiceNumber());
            billing.setInvoiceDocumentReference(credited);
            ubl.addBillingReference(billing);
            ubl.setAccountingSupplierParty(supplier());
            ubl.setAccountingCustomerParty(customer());
            if (invoice.shipTo() != null || invoice.deliveredOn() != null) {
                ubl.addDelivery(delivery());
            }
            ubl.addPaymentMeans(paymentMeans()); // German buyers and sellers must name payment instructions (DE-R-001)
            ubl.addTaxTotal(taxTotal());
            ubl.setLegalMonetaryTotal(totals());
            invoice.lines().forEach(line -> ubl.addCreditNoteLine(creditNoteLine(line)));
            return ubl;
        }

        /** Peppol wants a buyer reference or an order reference; an opening balance has no order, only its account. */
        private String buyerReference() {
            return invoice.customerPoNumber() != null ? invoice.customerPoNumber() : invoice.accountCode();
        }

        private OrderReferenceType orderReference() {
            OrderReferenceType order = new OrderReferenceType();
            order.setID(invoice.customerPoNumber() != null ? invoice.customerPoNumber() : "NA");
            order.setSalesOrderID(invoice.orderNumber());
            return order;
        }

        private SupplierPartyType supplier() {
            PartyType party = new PartyType();
            party.setEndpointID(endpoint(seller.vatId()));
            name(party, seller.name());
            party.setPostalAddress(address(seller.street(), seller.city(), seller.postalCode(), seller.country()));
            party.addPartyTaxScheme(vat(seller.vatId()));
            PartyLegalEntityType legal = new PartyLegalEntityType();
            legal.setRegistrationName(seller.name());
            if (seller.companyId() != null) {
                legal.setCompanyID(seller.companyId());
            }
            party.addPartyLegalEntity(legal);
            ContactType contact = contact();
            if (contact.getName() != null || contact.getTelephone() != null || contact.getElectronicMail() != null) {
                party.setContact(contact); // Peppol refuses empty elements
            }
            SupplierPartyType supplier = new SupplierPartyType();
            supplier.setParty(party);
            return supplier;
        }

        /** Whom the buyer asks about the invoice. */
        private ContactType contact() {
            ContactType contact = new ContactType();
            if (seller.contactName() != null) {
                contact.setName(seller.contactName());
            }
            if (seller.phone() != null) {
                contact.setTelephone(seller.phone());
            }
            if (seller.email() != null) {
                contact.setElectronicMail(seller.email());
            }
            return contact;
        }

        private CustomerPartyType customer() {
            InvoiceView.Party buyer = invoice.buyer();
            PartyType party = new PartyType();
            EndpointIDType endpoint = buyer.vatId() == null ? null : endpoint(buyer.vatId());
            if (endpoint != null) {
                party.setEndpointID(endpoint);
            }
            PartyIdentificationType identification = new PartyIdentificationType();
            identification.setID(invoice.accountCode());
            party.addPartyIdentification(identification);
            name(party, buyer.name());
            party.setPostalAddress(address(buyer.street(), buyer.city(), buyer.postalCode(), buyer.country()));
            if (buyer.vatId() != null) {
                party.addPartyTaxScheme(vat(buyer.vatId()));
            }
            PartyLegalEntityType legal = new PartyLegalEntityType();
            legal.setRegistrationName(buyer.name());
            party.addPartyLegalEntity(legal);
            CustomerPartyType customer = new CustomerPartyType();
            customer.setParty(party);
            return customer;
        }

        /** Where the goods went and when: an intra-community supply must say both (BR-IC-11, BR-IC-12). */
        private DeliveryType delivery() {
            DeliveryType delivery = new DeliveryType();
            if (invoice.deliveredOn() != null) {
                delivery.setActualDeliveryDate(invoice.deliveredOn());
            }
            InvoiceView.Party shipTo = invoice.shipTo();
            if (shipTo != null) {
                LocationType location = new LocationType();
                location.setAddress(address(shipTo.street(), shipTo.city(), shipTo.postalCode(), shipTo.country()));
                delivery.setDeliveryLocation(location);
                if (shipTo.name() != null) {
                    PartyType party = new PartyType();
                    name(party, shipTo.name());
                    delivery.setDeliveryParty(party);
                }
            }
            return delivery;
        }

        /** Pay by SEPA transfer into the seller's account, quoting the invoice number. */
        private PaymentMeansType paymentMeans() {
            PaymentMeansType means = new PaymentMeansType();
            PaymentMeansCodeType code = new PaymentMeansCodeType(SEPA_CREDIT_TRANSFER);
            code.setName("SEPA credit transfer");
            means.setPaymentMeansCode(code);
            means.addPaymentID(new PaymentIDType(invoice.invoiceNumber()));
            FinancialAccountType account = new FinancialAccountType();
            account.setID(seller.iban());
            account.setName(seller.name());
            if (seller.bic() != null) {
                BranchType branch = new BranchType();
                branch.setID(seller.bic());
                account.setFinancialInstitutionBranch(branch);
            }
            means.setPayeeFinancialAccount(account);
            return means;
        }

        private TaxTotalType taxTotal() {
            TaxTotalType total = new TaxTotalType();
            currency(total.setTaxAmount(amount(invoice.taxTotal())));
            for (InvoiceView.Tax tax : invoice.taxes()) {
                TaxSubtotalType subtotal = new TaxSubtotalType();
                currency(subtotal.setTaxableAmount(amount(tax.taxableAmount())));
                currency(subtotal.setTaxAmount(amount(tax.taxAmount())));
                TaxCategoryType category = category(tax.category(), tax.rate());
                if (tax.exemptionReasonCode() != null) {
                    category.setTaxExemptionReasonCode(tax.exemptionReasonCode());
                }
                if (tax.exemptionReason() != null) {
                    category.addTaxExemptionReason(new TaxExemptionReasonType(tax.exemptionReason()));
                }
                subtotal.setTaxCategory(category);
                total.addTaxSubtotal(subtotal);
            }
            return total;
        }

        private MonetaryTotalType totals() {
            MonetaryTotalType totals = new MonetaryTotalType();
            currency(totals.setLineExtensionAmount(amount(invoice.netTotal())));
            currency(totals.setTaxExclusiveAmount(amount(invoice.netTotal())));
            currency(totals.setTaxInclusiveAmount(amount(invoice.grossTotal())));
            if (invoice.creditNote()) { // what it credits, however much of it is applied by now
                currency(totals.setPayableAmount(amount(invoice.grossTotal())));
                return totals;
            }
            BigDecimal prepaid = invoice.amountPaid().add(invoice.amountCredited());
            if (prepaid.signum() != 0) {
                currency(totals.setPrepaidAmount(amount(prepaid)));
            }
            currency(totals.setPayableAmount(amount(invoice.amountDue())));
            return totals;
        }

        private InvoiceLineType line(InvoiceView.Line line) {
            InvoiceLineType ubl = new InvoiceLineType();
            ubl.setID(String.valueOf(line.orderLineNo()));
            InvoicedQuantityType quantity = new InvoicedQuantityType(BigDecimal.valueOf(line.quantity()));
            quantity.setUnitCode(UNIT);
            ubl.setInvoicedQuantity(quantity);
            currency(ubl.setLineExtensionAmount(amount(line.netAmount())));
            if (invoice.orderNumber() != null) {
                ubl.addOrderLineReference(orderLineReference(line));
            }
            ubl.setItem(item(line));
            ubl.setPrice(price(line));
            return ubl;
        }

        private static OrderLineReferenceType orderLineReference(InvoiceView.Line line) {
            OrderLineReferenceType orderLine = new OrderLineReferenceType();
            orderLine.setLineID(String.valueOf(line.orderLineNo()));
            return orderLine;
        }

        private ItemType item(InvoiceView.Line line) {
            ItemType item = new ItemType();
            item.setName(line.name());
            ItemIdentificationType sku = new ItemIdentificationType();
            sku.setID(line.sku());
            item.setSellersItemIdentification(sku);
            item.addClassifiedTaxCategory(category(line.taxCategory(), line.taxRate()));
            return item;
        }

        private PriceType price(InvoiceView.Line line) {
            PriceType price = new PriceType();
            currency(price.setPriceAmount(price(line.unitPrice())));
            return price;
        }

        private CreditNoteLineType creditNoteLine(InvoiceView.Line line) {
            CreditNoteLineType ubl = new CreditNoteLineType();
            ubl.setID(String.valueOf(line.orderLineNo()));
            CreditedQuantityType quantity = new CreditedQuantityType(BigDecimal.valueOf(line.quantity()));
            quantity.setUnitCode(UNIT);
            ubl.setCreditedQuantity(quantity);
            currency(ubl.setLineExtensionAmount(amount(line.netAmount())));
            if (invoice.orderNumber() != null) {
                ubl.addOrderLineReference(orderLineReference(line));
            }
            if (line.allowanceAmount() != null) {
                AllowanceChargeType allowance = new AllowanceChargeType();
                allowance.setChargeIndicator(false);
                allowance.addAllowanceChargeReason(new AllowanceChargeReasonType(line.allowanceReason()));
                currency(allowance.setAmount(amount(line.allowanceAmount())));
                ubl.addAllowanceCharge(allowance);
            }
            ubl.setItem(item(line));
            ubl.setPrice(price(line));
            return ubl;
        }

        private TaxCategoryType category(String code, BigDecimal rate) {
            TaxCategoryType category = new TaxCategoryType();
            category.setID(code);
            category.setPercent(rate);
            category.setTaxScheme(vatScheme());
            return category;
        }

        /** Amounts are kept at the currency's decimals; one that is not is a bug, not something to round away. */
        private BigDecimal amount(BigDecimal value) {
            return value.setScale(minorUnits, RoundingMode.UNNECESSARY);
        }

        /** A unit price keeps every decimal it really has (0.4125), and at least the currency's. */
        private BigDecimal price(BigDecimal value) {
            return value.setScale(Math.max(minorUnits, value.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
        }

        private void currency(AmountType amount) {
            amount.setCurrencyID(invoice.currency());
        }
    }

    /** The VAT id as the party's Peppol address; none where its country has no VAT-based scheme. */
    private static EndpointIDType endpoint(String vatId) {
        String scheme = VAT_ADDRESS_SCHEMES.get(vatId.substring(0, 2));
        if (scheme == null) {
            return null;
        }
        EndpointIDType endpoint = new EndpointIDType(vatId);
        endpoint.setSchemeID(scheme);
        return endpoint;
    }

    private static void name(PartyType party, String name) {
        PartyNameType partyName = new PartyNameType();
        partyName.setName(name);
        party.addPartyName(partyName);
    }

    /** An address with what is known of it: Peppol refuses empty elements. */
    private static AddressType address(String street, String city, String postalCode, String country) {
        AddressType address = new AddressType();
        if (street != null) {
            address.setStreetName(street);
        }
        if (city != null) {
            address.setCityName(city);
        }
        if (postalCode != null) {
            address.setPostalZone(postalCode);
        }
        CountryType countryType = new CountryType();
        countryType.setIdentificationCode(country);
        address.setCountry(countryType);
        return address;
    }

    private static PartyTaxSchemeType vat(String vatId) {
        PartyTaxSchemeType taxScheme = new PartyTaxSchemeType();
        taxScheme.setCompanyID(vatId);
        taxScheme.setTaxScheme(vatScheme());
        return taxScheme;
    }

    private static TaxSchemeType vatScheme() {
        TaxSchemeType scheme = new TaxSchemeType();
        scheme.setID("VAT");
        return scheme;
    }
}
