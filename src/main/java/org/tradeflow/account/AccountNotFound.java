package org.tradeflow.account;

import org.tradeflow.business.NotFound;

public class AccountNotFound extends NotFound {

    AccountNotFound(String accountCode) {
        super("account.not-found", "No account " + accountCode);
    }
}
