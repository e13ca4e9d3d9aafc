package org.tradeflow.banking;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface BankStatementRepository extends JpaRepository<BankStatement, Long> {

    /** The statement imported before (bank_statement_once_per_account). */
    Optional<BankStatement> findByAccountIbanAndStatementId(String accountIban, String statementId);

    /** One entry, locked until its decision commits: two people completing its task never book it twice. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from BankStatementEntry e where e.id = :entryId")
    Optional<BankStatementEntry> lockEntry(long entryId);
}
