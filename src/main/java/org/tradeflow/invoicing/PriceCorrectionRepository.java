package org.tradeflow.invoicing;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;
import java.util.Optional;

interface PriceCorrectionRepository extends JpaRepository<PriceCorrection, Long> {

    boolean existsByInvoiceIdAndStatus(long invoiceId, PriceCorrection.Status status);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from PriceCorrection c where c.id = :id")
    Optional<PriceCorrection> lock(long id);
}
