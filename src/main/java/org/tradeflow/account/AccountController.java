package org.tradeflow.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tradeflow.business.InCurrency;

import java.math.BigDecimal;
import java.util.List;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Customer accounts and their terms")
class AccountController {

    private final AccountRepository accounts;
    private final CreditLimits creditLimits;
    private final BillingDetailsService billing;

    AccountController(AccountRepository accounts, CreditLimits creditLimits, BillingDetailsService billing) {
        this.accounts = accounts;
        this.creditLimits = creditLimits;
        this.billing = billing;
    }

    @GetMapping("/{code}")
    @Operation(summary = "Read an account", description = "Its group, tier, region and currency, credit limit, and the billing "
            + "details and payment terms its invoices are issued with.")
    @ApiResponse(responseCode = "200", description = "The account", content = @Content(schema = @Schema(implementation = AccountDetails.class)))
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    AccountDetails get(@PathVariable @Size(max = 32) String code) {
        return AccountDetails.of(accounts.findByCode(code).orElseThrow(() -> new AccountNotFound(code)));
    }

    @PutMapping("/{code}/billing")
    @Operation(summary = "Set an account's billing details and payment terms", description = "The legal name, billing address "
            + "and VAT id invoices carry, and the terms they are paid on; invoices already issued keep theirs.")
    @ApiResponse(responseCode = "200", description = "The account with its new details", content = @Content(schema = @Schema(implementation = AccountDetails.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/Invalid")
    AccountDetails changeBilling(@PathVariable @Size(max = 32) String code, @Valid @RequestBody BillingRequest request) {
        return AccountDetails.of(billing.change(code, new BillingDetails(request.name().strip(), request.street().strip(),
                request.postalCode().strip(), request.city().strip(), request.country(), request.vatId(), request.paymentTermsDays(),
                request.earlyPaymentPercent(), request.earlyPaymentDays())));
    }

    @Schema(example = """
            {"name": "Acme Handels GmbH", "street": "Speicherstadt 12", "postalCode": "20457", "city": "Hamburg",
             "country": "DE", "vatId": "DE811569869", "paymentTermsDays": 30, "earlyPaymentPercent": 2, "earlyPaymentDays": 10}""")
    record BillingRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String street,
                          @NotBlank @Size(max = 16) String postalCode, @NotBlank @Size(max = 100) String city,
                          @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as DE") String country,
                          @Pattern(regexp = "[A-Z]{2}[A-Z0-9]{2,13}", message = "must be a VAT id such as DE811569869") String vatId,
                          @Min(0) @Max(365) int paymentTermsDays,
                          @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "100", inclusive = false)
                          @Digits(integer = 2, fraction = 2) BigDecimal earlyPaymentPercent,
                          @Min(1) @Max(365) Integer earlyPaymentDays) {
    }

    /** An account with its billing details and terms. */
    record AccountDetails(String code, String name, String customerGroup, String tier, String region, String currency,
                          BigDecimal creditLimit, String street, String postalCode, String city, String country, String vatId,
                          int paymentTermsDays, BigDecimal earlyPaymentPercent, Integer earlyPaymentDays) implements InCurrency {
        static AccountDetails of(Account a) {
            return new AccountDetails(a.getCode(), a.getName(), a.getCustomerGroup(), a.getTier(), a.getRegion(), a.getCurrency(),
                    a.getCreditLimit(), a.getStreet(), a.getPostalCode(), a.getCity(), a.getCountry(), a.getVatId(),
                    a.getPaymentTermsDays(), a.getEarlyPaymentPercent(), a.getEarlyPaymentDays());
        }
    }

    @PutMapping("/{code}/credit-limit")
    @Operation(summary = "Set an account's credit limit", description = "A raise re-checks the account's orders on "
            + "credit hold, highest priority first: those that now fit go on without the finance task.")
    @ApiResponse(responseCode = "200", description = "The account with its new limit", content = @Content(schema = @Schema(implementation = AccountView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    AccountView changeCreditLimit(@PathVariable @Size(max = 32) String code, @Valid @RequestBody CreditLimitRequest request,
                                  Authentication caller) {
        return AccountView.of(creditLimits.change(code, request.creditLimit(), caller.getName()));
    }

    @Schema(example = """
            {"creditLimit": 12000.00}""")
    record CreditLimitRequest(@NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal creditLimit) {
    }

    @GetMapping
    @Operation(summary = "List the customer accounts")
    @ApiResponse(responseCode = "200", description = "The accounts, by code", content = @Content(array = @ArraySchema(schema = @Schema(implementation = AccountView.class))))
    List<AccountView> list() {
        return accounts.findAllByOrderByCode().stream().map(AccountView::of).toList();
    }

    record AccountView(String code, String name, String customerGroup, String tier, String region, String currency,
                       int paymentTermsDays, BigDecimal creditLimit) implements InCurrency {
        static AccountView of(Account a) {
            return new AccountView(a.getCode(), a.getName(), a.getCustomerGroup(), a.getTier(), a.getRegion(),
                    a.getCurrency(), a.getPaymentTermsDays(), a.getCreditLimit());
        }
    }
}
