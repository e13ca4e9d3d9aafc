package org.tradeflow.account;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByCode(String code);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.code = :code")
    Optional<Account> findByCodeForUpdate(String code);

    List<Account> findAllByOrderByCode();

    /** The regions goods are delivered to: those of the accounts and of their delivery addresses. */
    @Query(value = "select region from customer_account union select region from customer_address order by 1", nativeQuery = true)
    List<String> shipToRegions();
}
