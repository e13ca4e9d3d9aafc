package org.tradeflow.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tradeflow.business.InCurrency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Customer accounts and their terms")
class AccountController {

    private final AccountRepository accounts;
    private final CreditLimits creditLimits;

    AccountController(AccountRepository accounts, CreditLimits creditLimits) {
        this.accounts = accounts;
        this.creditLimits = creditLimits;
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
