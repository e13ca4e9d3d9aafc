package org.tradeflow.account;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;

/** Finance sets how much an account may owe; the change is announced in the same transaction. */
@Service
class CreditLimits {

    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;

    CreditLimits(AccountRepository accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    @Transactional
    Account change(String accountCode, BigDecimal limit, String by) {
        Account account = accounts.findByCodeForUpdate(accountCode).orElseThrow(() -> new AccountNotFound(accountCode));
        BigDecimal before = account.getCreditLimit();
        account.changeCreditLimit(limit);
        events.publishEvent(new CreditLimitChanged(accountCode, before, limit, account.getCurrency(), by));
        return account;
    }
}
