package org.tradeflow.receivables;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.math.BigDecimal;
import java.util.Optional;

interface PaymentRepository extends JpaRepository<Payment, Long> {

    Optional<Payment> findByAccountIdAndReference(long accountId, String reference);

    @Query("select coalesce(sum(p.unapplied), 0) from Payment p where p.account.id = :accountId")
    BigDecimal unappliedCredit(long accountId);
}
