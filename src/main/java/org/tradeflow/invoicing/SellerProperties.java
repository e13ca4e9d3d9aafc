package org.tradeflow.invoicing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Who issues the invoices: the company's legal name, address, VAT id, the bank account customers pay into, and whom
 * a customer asks about an invoice (German e-invoicing rules want a contact name and telephone number).
 * Its country decides what counts as a domestic delivery in tax.xlsx.
 */
@Validated
@ConfigurationProperties("tradeflow.invoicing.seller")
public record SellerProperties(@NotBlank String name, @NotBlank String street, @NotBlank String postalCode,
                               @NotBlank String city, @Pattern(regexp = "[A-Z]{2}") @NotBlank String country,
                               @NotBlank String vatId, String companyId, String email, @NotBlank String iban,
                               String bic, String bankName, String contactName, String phone) {
}
