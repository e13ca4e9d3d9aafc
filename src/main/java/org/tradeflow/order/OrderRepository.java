package org.tradeflow.order;

import org.springframework.data.domain.Pageable;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface OrderRepository extends JpaRepository<SalesOrder, Long> {


    Optional<SalesOrder> findByOrderNumber(String orderNumber);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from SalesOrder o where o.id = :orderId")
    Optional<SalesOrder> findForUpdate(@Param("orderId") long orderId);

    Optional<SalesOrder> findByAccountCodeAndCustomerPoNumber(String accountCode, String customerPoNumber);

    @Query("""
            select o from SalesOrder o
             where (:accountCode is null or o.account.code = :accountCode)
               and (:status is null or o.status = :status)
               and (:orderNumber is null or o.orderNumber = :orderNumber)
               and (:customerPoNumber is null or o.customerPoNumber = :customerPoNumber)
             order by o.id desc""")
    List<SalesOrder> search(@Param("accountCode") String accountCode, @Param("status") OrderStatus status,
                            @Param("orderNumber") String orderNumber, @Param("customerPoNumber") String customerPoNumber,
                            Pageable page);

    @Query("""
            select o from SalesOrder o
             where o.orderNumber in :orderNumbers
               and (:accountCode is null or o.account.code = :accountCode)
               and (:status is null or o.status = :status)
               and (:orderNumber is null or o.orderNumber = :orderNumber)
               and (:customerPoNumber is null or o.customerPoNumber = :customerPoNumber)
             order by o.id desc""")
    List<SalesOrder> searchAmong(@Param("accountCode") String accountCode, @Param("status") OrderStatus status,
                                 @Param("orderNumber") String orderNumber, @Param("customerPoNumber") String customerPoNumber,
                                 @Param("orderNumbers") Collection<String> orderNumbers, Pageable page);

    @Query("""
            select distinct o from SalesOrder o join fetch o.account join fetch o.lines l join fetch l.product
             where o.createdAt >= :from and o.createdAt < :to and o.status not in :excluded
             order by o.id""")
    List<SalesOrder> findPlacedBetween(@Param("from") Instant from, @Param("to") Instant to,
                                       @Param("excluded") Collection<OrderStatus> excluded);

    @Query("""
            select coalesce(sum(o.netTotal), 0) from SalesOrder o
             where o.account.id = :accountId and o.id <> :exceptOrderId and o.status in :open""")
    BigDecimal openTotal(@Param("accountId") long accountId, @Param("exceptOrderId") long exceptOrderId,
                                   @Param("open") Collection<OrderStatus> open);

    @Query(value = "select 'SO-' || nextval('order_number_seq')", nativeQuery = true)
    String nextOrderNumber();
}
