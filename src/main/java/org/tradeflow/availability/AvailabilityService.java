package org.tradeflow.availability;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.account.Account;
import org.tradeflow.account.AccountRepository;
import org.tradeflow.sourcing.RoutingDecision;
import org.tradeflow.sourcing.RoutingRequest;
import org.tradeflow.sourcing.TransitQuestion;
import org.tradeflow.catalog.Product;
import org.tradeflow.catalog.ProductRepository;
import org.tradeflow.inventory.IncomingSupply;
import org.tradeflow.inventory.StockLedger;
import org.tradeflow.inventory.Warehouse;
import org.tradeflow.inventory.WarehouseRepository;
import org.tradeflow.rules.RuleSetRegistry;
import org.tradeflow.business.InvalidInput;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Available-to-promise: stock on hand minus reservations now, plus incoming supply by its expected day, per
 * warehouse the routing table sends the region to, with the delivery date each warehouse can promise.
 * Two queries and one rules evaluation per question.
 */
@Service
public class AvailabilityService {

    private final StockLedger ledger;
    private final IncomingSupply supply;
    private final AccountRepository accounts;
    private final ProductRepository products;
    private final WarehouseRepository warehouses;
    private final RuleSetRegistry rules;
    private final Clock clock;

    AvailabilityService(StockLedger ledger, IncomingSupply supply, AccountRepository accounts, ProductRepository products,
                        WarehouseRepository warehouses, RuleSetRegistry rules, Clock clock) {
        this.ledger = ledger;
        this.supply = supply;
        this.accounts = accounts;
        this.products = products;
        this.warehouses = warehouses;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Availability check(String sku, int quantity, String region, String accountCode) {
        String shipTo = shipToRegion(region, accountCode);
        Product product = products.findBySkuIn(List.of(sku)).stream().filter(Product::isActive).findFirst()
                .orElseThrow(() -> new InvalidInput("sku", "unknown SKU '" + sku + "'"));
        Map<String, Warehouse> byCode = warehouses.byCode();
        List<Object> facts = new ArrayList<>();
        facts.add(new RoutingRequest(1, shipTo, product.getCategory(), sku));
        byCode.keySet().forEach(code -> facts.add(new TransitQuestion(code, shipTo)));
        RoutingDecision routing = RoutingDecision.decide(rules.current(), facts);

        Map<Long, Integer> onHand = ledger.available(List.of(product.getId())).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().warehouseId(), Map.Entry::getValue));
        Map<Long, List<IncomingSupply.Expected>> incoming = supply.expected(product.getId());
        List<Availability.WarehouseOption> options = new ArrayList<>();
        int preference = 0;
        for (String code : routing.warehousesFor(1)) {
            Warehouse warehouse = byCode.get(code);
            if (warehouse == null) {
                continue;
            }
            RoutingDecision.Transit transit = routing.transit(code, shipTo).orElse(new RoutingDecision.Transit(0, "unknown"));
            options.add(option(warehouse, ++preference, quantity, onHand.getOrDefault(warehouse.getId(), 0),
                    incoming.getOrDefault(warehouse.getId(), List.of()), transit));
        }
        return new Availability(sku, quantity, shipTo, options);
    }

    private Availability.WarehouseOption option(Warehouse warehouse, int preference, int quantity, int availableNow,
                                               List<IncomingSupply.Expected> incoming, RoutingDecision.Transit transit) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(warehouse.getTimeZone()));
        LocalDate today = now.toLocalDate();
        LocalDate readyOn = availableNow >= quantity ? today : null;
        String basis = readyOn != null ? "in stock" : "not enough stock or expected supply";
        List<Availability.Supply> supplies = new ArrayList<>();
        int cumulative = availableNow;
        for (IncomingSupply.Expected supply : incoming) {
            cumulative += supply.quantity();
            // supply that is late counts from today: it has not arrived yet but is still expected
            LocalDate expected = supply.expectedOn().isBefore(today) ? today : supply.expectedOn();
            supplies.add(new Availability.Supply(expected, supply.quantity(), supply.reference(), cumulative));
            if (readyOn == null && cumulative >= quantity) {
                readyOn = expected;
                basis = "with supply " + supply.reference() + " expected " + expected;
            }
        }
        LocalDate promised = readyOn == null ? null : DeliveryPromise.deliveredOn(now, warehouse.getCutOff(), readyOn,
                warehouse.getHandlingDays(), transit.days());
        return new Availability.WarehouseOption(warehouse.getCode(), warehouse.getKind().name(), preference, availableNow,
                supplies, transit.days(), transit.carrier(), warehouse.getCutOff() + " " + warehouse.getTimeZone(),
                readyOn, promised, basis);
    }

    private String shipToRegion(String region, String accountCode) {
        if (accountCode == null || accountCode.isBlank()) {
            if (region == null || region.isBlank()) {
                throw new InvalidInput("region", "give the ship-to region or the accountCode whose region to use");
            }
            return knownRegion(region);
        }
        Optional<Account> account = accounts.findByCode(accountCode);
        if (account.isEmpty()) {
            throw new InvalidInput("accountCode", "unknown account '" + accountCode + "'");
        }
        return region == null || region.isBlank() ? account.get().getRegion() : knownRegion(region);
    }

    /** A region nobody delivers to would silently get the routing table's catch-all row: it is refused instead. */
    private String knownRegion(String region) {
        List<String> known = accounts.shipToRegions();
        if (!known.contains(region)) {
            throw new InvalidInput("region", "unknown ship-to region '" + region + "'; known regions: "
                    + String.join(", ", known));
        }
        return region;
    }


}
