package org.tradeflow.account;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface AddressRepository extends JpaRepository<Address, Long> {

    List<Address> findByAccountCode(String accountCode);

    Optional<Address> findByAccountCodeAndCode(String accountCode, String code);
}
