package org.tradeflow.fulfilment;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface ShipmentRepository extends JpaRepository<Shipment, Long> {

    Optional<Shipment> findByShipmentNumber(String shipmentNumber);

    List<Shipment> findByOrderIdOrderById(Long orderId);

    /** The order's shipments with warehouse, lines and products, in one statement. */
    @Query("""
            select distinct s from Shipment s join fetch s.warehouse
              left join fetch s.lines l left join fetch l.orderLine ol left join fetch ol.product
             where s.order.id = :orderId order by s.sequenceNo""")
    List<Shipment> findWithLinesByOrderId(long orderId);

    @Query("select s.order.id from Shipment s where s.id = :shipmentId")
    Optional<Long> findOrderId(long shipmentId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Shipment s where s.id = :shipmentId")
    Optional<Shipment> findForUpdate(long shipmentId);
}
