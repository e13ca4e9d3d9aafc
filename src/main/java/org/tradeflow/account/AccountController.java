package org.tradeflow.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tradeflow.business.InCurrency;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Customer accounts and their terms")
class AccountController {

    private final AccountRepository accounts;

    AccountController(AccountRepository accounts) {
        this.accounts = accounts;
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
