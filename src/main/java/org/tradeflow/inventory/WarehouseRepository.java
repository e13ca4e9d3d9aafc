package org.tradeflow.inventory;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

public interface WarehouseRepository extends JpaRepository<Warehouse, Long> {

    Optional<Warehouse> findByCode(String code);

    /** Every warehouse by its code, as the routing table names them. */
    default Map<String, Warehouse> byCode() {
        return findAll().stream().collect(Collectors.toMap(Warehouse::getCode, Function.identity()));
    }
}
