package org.tradeflow.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.business.BusinessException.FieldError;
import org.tradeflow.business.InvalidInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finance keeps an account's billing details: the legal name, billing address and VAT id its invoices carry (EN 16931
 * needs them for a valid e-invoice) and its payment terms. Invoices already issued keep what they were issued with.
 */
@Service
class BillingDetailsService {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final AccountRepository accounts;

    BillingDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional
    Account change(String accountCode, BillingDetails billing) {
        List<FieldError> errors = new ArrayList<>();
        if (!COUNTRIES.contains(billing.country())) {
            errors.add(new FieldError("country", "'" + billing.country() + "' is not an ISO 3166 country code such as DE"));
        } else if (billing.vatId() != null && !billing.vatId().startsWith(vatPrefix(billing.country()))) {
            errors.add(new FieldError("vatId", "a VAT id of " + billing.country() + " starts with " + vatPrefix(billing.country())));
        }
        if ((billing.earlyPaymentPercent() == null) != (billing.earlyPaymentDays() == null)) {
            errors.add(new FieldError("earlyPaymentDays", "an early-payment discount needs both its percent and its days"));
        } else if (billing.earlyPaymentDays() != null && billing.earlyPaymentDays() >= billing.paymentTermsDays()) {
            errors.add(new FieldError("earlyPaymentDays", "the discount period (" + billing.earlyPaymentDays()
                    + " days) must end before the net term (" + billing.paymentTermsDays() + " days)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Account account = accounts.findByCodeForUpdate(accountCode).orElseThrow(() -> new AccountNotFound(accountCode));
        account.changeBilling(billing);
        return account;
    }

    /** The country prefix of a VAT id: the ISO code, except Greece's EL. */
    private static String vatPrefix(String country) {
        return "GR".equals(country) ? "EL" : country;
    }
}
