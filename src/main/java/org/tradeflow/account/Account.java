package org.tradeflow.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A customer or dealer account: who buys, in which currency, on which terms, up to which credit. */
@Entity
@Table(name = "customer_account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private String customerGroup;
    private String tier;
    private String region;
    private String currency;
    private int paymentTermsDays;
    /** An early-payment discount (2 in "2/10 net 30") and the days it is granted for (10); both or neither. */
    @Column(precision = 5, scale = 2)
    private BigDecimal earlyPaymentPercent;
    private Integer earlyPaymentDays;
    /** The billing address and VAT id the invoices name. */
    private String street;
    private String postalCode;
    private String city;
    private String country;
    private String vatId;
    @Column(precision = 19, scale = 2)
    private BigDecimal creditLimit;
    private LocalDate openedOn;
    /** The account keeps the last price it paid for a SKU, within the window pricing.xlsx sets. */
    private boolean memorizesPrices;
    @Enumerated(EnumType.STRING)
    private FillPolicy fillPolicy;
    /** Percent of the open units, for {@link FillPolicy#MIN_FILL_RATE}. */
    private Integer minFillRate;
    /** STANDARD or PREMIUM service level (the priority table reads it). */
    private String sla;
    /** Backordered products may be replaced by their catalog substitute without asking. */
    private boolean acceptsSubstitutes;

    protected Account() {
    }

    void changeCreditLimit(BigDecimal limit) {
        this.creditLimit = limit;
    }

    /** Where invoices go and on which terms: applies to invoices issued from now on (issued ones keep theirs). */
    void changeBilling(BillingDetails billing) {
        this.name = billing.name();
        this.street = billing.street();
        this.postalCode = billing.postalCode();
        this.city = billing.city();
        this.country = billing.country();
        this.vatId = billing.vatId();
        this.paymentTermsDays = billing.paymentTermsDays();
        this.earlyPaymentPercent = billing.earlyPaymentPercent();
        this.earlyPaymentDays = billing.earlyPaymentDays();
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getCustomerGroup() { return customerGroup; }
    public String getTier() { return tier; }
    public String getRegion() { return region; }
    public String getCurrency() { return currency; }
    public int getPaymentTermsDays() { return paymentTermsDays; }
    public BigDecimal getEarlyPaymentPercent() { return earlyPaymentPercent; }
    public Integer getEarlyPaymentDays() { return earlyPaymentDays; }
    public String getStreet() { return street; }
    public String getPostalCode() { return postalCode; }
    public String getCity() { return city; }
    public String getCountry() { return country; }
    public String getVatId() { return vatId; }
    public BigDecimal getCreditLimit() { return creditLimit; }
    public LocalDate getOpenedOn() { return openedOn; }
    public boolean memorizesPrices() { return memorizesPrices; }
    public FillPolicy getFillPolicy() { return fillPolicy; }
    public Integer getMinFillRate() { return minFillRate; }
    public String getSla() { return sla; }
    public boolean acceptsSubstitutes() { return acceptsSubstitutes; }
}
