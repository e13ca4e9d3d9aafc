package org.tradeflow.receivables;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

interface PaymentRepository extends JpaRepository<Payment, Long> {

    Optional<Payment> findByAccountIdAndReference(long accountId, String reference);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.id = :id")
    Optional<Payment> lock(long id);

    /** The account's payments with a value date on or before a day, with what they settled. */
    @Query("""
            select distinct p from Payment p left join fetch p.allocations where p.account.id = :accountId and p.valueDate <= :upTo
             order by p.valueDate, p.id""")
    List<Payment> valuedUpTo(long accountId, LocalDate upTo);

    /** The account's payments with credit left, oldest first, locked until what is applied of them commits. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.account.id = :accountId and p.unapplied > 0 order by p.valueDate, p.id")
    List<Payment> lockWithUnapplied(long accountId);

    @Query("select coalesce(sum(p.unapplied), 0) from Payment p where p.account.id = :accountId")
    BigDecimal unappliedCredit(long accountId);
}
