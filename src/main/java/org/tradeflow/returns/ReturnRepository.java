package org.tradeflow.returns;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface ReturnRepository extends JpaRepository<ReturnAuthorisation, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ReturnAuthorisation r where r.id = :id")
    Optional<ReturnAuthorisation> lock(long id);

    @Query("select r.id from ReturnAuthorisation r where r.rmaNumber = :rmaNumber")
    Optional<Long> findIdByRmaNumber(String rmaNumber);

    boolean existsByOrderIdAndStatusIn(long orderId, Collection<ReturnStatus> statuses);

    @Query("select r.order.id from ReturnAuthorisation r where r.id = :id")
    Optional<Long> findOrderId(long id);

    /**
     * Per order line of the order, the units its open returns still expect (what came back is off the shipped
     * quantities already); rejected and closed ones hold nothing.
     */
    @Query("""
            select l.orderLine.id as orderLineId, sum(l.quantity - l.received) as units
              from ReturnLine l join l.authorisation r
             where r.order.id = :orderId
               and r.status in (org.tradeflow.returns.ReturnStatus.REQUESTED, org.tradeflow.returns.ReturnStatus.AUTHORISED)
             group by l.orderLine.id""")
    List<HeldUnits> heldByOrder(long orderId);

    interface HeldUnits {
        long getOrderLineId();
        long getUnits();
    }

    /** Returns of an order and/or in a status, newest first, a page at a time. */
    @Query("""
            select r from ReturnAuthorisation r
             where (:orderId is null or r.order.id = :orderId) and (:status is null or r.status = :status)
             order by r.id desc""")
    List<ReturnAuthorisation> search(Long orderId, ReturnStatus status, Pageable page);
}
