package org.tradeflow.pricing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.account.Account;
import org.tradeflow.account.AccountRepository;
import org.tradeflow.account.Address;
import org.tradeflow.account.AddressRepository;
import org.tradeflow.catalog.Product;
import org.tradeflow.catalog.ProductRepository;
import org.tradeflow.policy.PolicyViolation;
import org.tradeflow.policy.Severity;
import org.tradeflow.rules.RuleSet;
import org.tradeflow.rules.RuleSetRegistry;
import org.tradeflow.business.BusinessException;
import org.tradeflow.business.InvalidInput;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prices and validates all lines of an order or quote in one stateless rules evaluation. */
@Service
public class PricingService {

    /** The violation code of a line whose price differs from the one the customer expects. */
    public static final String PRICE_MISMATCH = "PRICE_MISMATCH";

    private final AccountRepository accounts;
    private final AddressRepository addresses;
    private final ProductRepository products;
    private final PriceHistory history;
    private final RuleSetRegistry rules;
    private final Clock clock;

    PricingService(AccountRepository accounts, AddressRepository addresses, ProductRepository products, PriceHistory history,
                   RuleSetRegistry rules, Clock clock) {
        this.accounts = accounts;
        this.addresses = addresses;
        this.products = products;
        this.history = history;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Resolves the account and SKUs (refusing unknown ones, naming the line) and prices the lines in the
     * account's currency; a request stating another currency is refused rather than converted.
     */
    @Transactional(readOnly = true)
    public PricedOrder price(String accountCode, String requestedCurrency, List<LineRequest> requested) {
        return price(accountCode, requestedCurrency, requested, java.util.stream.IntStream.rangeClosed(1, requested.size())
                .boxed().toList());
    }

    /**
     * The same, for lines that keep the numbers they have on an order ({@code lineNos}, one per requested line):
     * repricing a corrected order names its lines as the order does.
     */
    @Transactional(readOnly = true)
    public PricedOrder price(String accountCode, String requestedCurrency, List<LineRequest> requested, List<Integer> lineNos) {
        if (lineNos.size() != requested.size()) {
            throw new IllegalArgumentException(requested.size() + " lines but " + lineNos.size() + " line numbers");
        }
        Account account = accounts.findByCode(accountCode)
                .orElseThrow(() -> new InvalidInput("accountCode", "unknown account '" + accountCode + "'"));
        if (requestedCurrency != null && !requestedCurrency.equals(account.getCurrency())) {
            throw new InvalidInput("currency", "account " + accountCode + " buys in " + account.getCurrency()
                    + "; an order in " + requestedCurrency + " is refused, not converted");
        }
        Map<String, Product> bySku = products.findWithPricesBySkuIn(requested.stream().map(LineRequest::sku).toList()).stream()
                .collect(Collectors.toMap(Product::getSku, Function.identity()));
        Map<Long, PricingLine.LastPaid> lastPaid = account.memorizesPrices()
                ? history.lastPaid(account.getId(), account.getCurrency(), bySku.values().stream().map(Product::getId).toList())
                : Map.of();
        Map<String, Address> shipTos = requested.stream().anyMatch(line -> line.shipTo() != null)
                ? addresses.findByAccountCode(account.getCode()).stream().collect(Collectors.toMap(Address::getCode, Function.identity()))
                : Map.of();
        List<BusinessException.FieldError> errors = new ArrayList<>();
        List<PricingLine> lines = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            LineRequest line = requested.get(i);
            Product product = bySku.get(line.sku());
            String field = "lines[" + i + "].sku";
            int lineNo = lineNos.get(i);
            if (line.shipTo() != null && !shipTos.containsKey(line.shipTo())) {
                errors.add(new BusinessException.FieldError("lines[" + i + "].shipTo", "account " + account.getCode()
                        + " has no delivery address '" + line.shipTo() + "' (line " + lineNo + ")"));
            } else if (product == null || !product.isActive()) {
                errors.add(new BusinessException.FieldError(field, "unknown SKU '" + line.sku() + "' on line " + lineNo));
            } else if (product.listPrice(account.getCurrency()).isEmpty()) {
                errors.add(new BusinessException.FieldError(field, "SKU '" + line.sku() + "' on line " + lineNo
                        + " has no price in the account's currency " + account.getCurrency()));
            } else {
                lines.add(PricingLine.line(lineNo, product.getSku(), line.quantity())
                        .product(product.getCategory(), product.getPackSize())
                        .listPrice(product.listPrice(account.getCurrency()).orElseThrow(), account.getCurrency())
                        .account(account.getCode(), account.getCustomerGroup(),
                                line.shipTo() == null ? account.getRegion() : shipTos.get(line.shipTo()).getRegion())
                        .orderDay(LocalDate.now(clock))
                        .unitCost(product.unitCost(account.getCurrency()).orElse(null))
                        .discontinued(product.isDiscontinued(), product.getSubstituteSku())
                        .lastPaid(lastPaid.get(product.getId()))
                        .build());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidOrderLine(errors);
        }
        return evaluate(account, requested, lines, bySku);
    }

    /** A line's net amount: unit price times quantity, rounded half-even to the currency's minor unit. */
    public static BigDecimal lineNet(BigDecimal unitPrice, int quantity, String currency) {
        return unitPrice.multiply(BigDecimal.valueOf(quantity))
                .setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
    }

    private PricedOrder evaluate(Account account, List<LineRequest> requested, List<PricingLine> requestedLines,
                                 Map<String, Product> bySku) {
        String currency = account.getCurrency();
        RuleSet ruleSet = rules.current();
        OrderEvaluation evaluation = OrderEvaluation.evaluate(ruleSet, requestedLines);

        int minorUnits = Currency.getInstance(currency).getDefaultFractionDigits();
        List<PricedOrder.PricedLine> priced = new ArrayList<>(requestedLines.size());
        List<PolicyViolation> violations = new ArrayList<>(evaluation.violations());
        BigDecimal total = BigDecimal.ZERO.setScale(minorUnits);
        for (int i = 0; i < requestedLines.size(); i++) {
            PricingLine line = evaluation.lines().get(i);
            PriceOffer offer = evaluation.chosenOffers().get(line.getLineNo());
            if (offer == null) {
                throw new IllegalStateException("Rules " + ruleSet.checksum() + " chose no price for line " + line.getLineNo());
            }
            BigDecimal net = lineNet(offer.getUnitPrice(), line.getQuantity(), currency);
            total = total.add(net);
            Product product = bySku.get(line.getSku());
            priced.add(new PricedOrder.PricedLine(line.getLineNo(), product.getId(), line.getSku(), product.getName(),
                    requestedLines.get(i).getQuantity(), line.getQuantity(), requested.get(i).shipTo(), line.getRegion(),
                    offer.getUnitPrice(), net, offer.getSource(), offer.getRule(),
                    PriceExplanation.of(offer, evaluation.candidates(line.getLineNo()), currency),
                    requested.get(i).expectedUnitPrice()));
            priceMismatch(line, offer.getUnitPrice(), requested.get(i).expectedUnitPrice(), currency).ifPresent(violations::add);
        }
        return new PricedOrder(account.getCode(), currency, priced, violations, total, ruleSet.checksum());
    }

    /**
     * The customer's price against ours. Expecting to pay less BLOCKs the order at the order desk: shipped as it is,
     * its invoice would be disputed. Expecting to pay more is a WARN: we bill our price, and the customer sees why.
     */
    private static Optional<PolicyViolation> priceMismatch(PricingLine line, BigDecimal ours, BigDecimal expected, String currency) {
        if (expected == null || expected.compareTo(ours) == 0) {
            return Optional.empty();
        }
        boolean lower = expected.compareTo(ours) < 0;
        return Optional.of(new PolicyViolation(line.getLineNo(), lower ? Severity.BLOCK : Severity.WARN, PRICE_MISMATCH,
                "Line " + line.getLineNo() + " (" + line.getSku() + "): the customer expects " + expected.stripTrailingZeros()
                        .toPlainString() + " " + currency + " a unit, our price is " + ours.stripTrailingZeros().toPlainString()
                        + (lower ? "; agree the price with the customer before the order goes on" : "; we bill our price"),
                "expected unit price"));
    }
}
