package org.tradeflow.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Why a line has its price, in a salesperson's words: the offer that won and what the others would have
 * given, each with the table and row it came from.
 */
public record PriceExplanation(String text, List<Candidate> candidates) {

    /** Decision-table rule names are {@code <RuleTable>_<spreadsheet row>}. */
    private static final Pattern TABLE_ROW = Pattern.compile("([A-Za-z][A-Za-z0-9]*)_(\\d+)");

    /** One offer the rules made for the line. */
    public record Candidate(PriceSource source, String rule, String reference, BigDecimal unitPrice, boolean chosen) {
    }

    static PriceExplanation of(PriceOffer chosen, List<PriceOffer> offers, String currency) {
        List<Candidate> candidates = offers.stream()
                .map(offer -> new Candidate(offer.getSource(), offer.getRule(), offer.getReference(), offer.getUnitPrice(),
                        offer == chosen))
                .toList();
        String others = offers.stream().filter(offer -> offer != chosen)
                .map(offer -> where(offer.getRule()) + label(offer) + " would give " + amount(offer.getUnitPrice()))
                .collect(Collectors.joining("; "));
        String text = where(chosen.getRule()) + label(chosen) + " " + amount(chosen.getUnitPrice()) + " " + currency
                + (others.isEmpty() ? "" : "; " + others);
        return new PriceExplanation(text, candidates);
    }

    private static String label(PriceOffer offer) {
        return offer.getReference() == null ? offer.getSource().label()
                : offer.getSource().label() + " (" + offer.getReference() + ")";
    }

    /** "Promotions_52 + VolumeTiers_44" reads "Promotions row 52 + VolumeTiers row 44: ". */
    private static String where(String rule) {
        Matcher tableRow = TABLE_ROW.matcher(rule);
        String rows = tableRow.replaceAll("$1 row $2");
        return rows.equals(rule) ? "" : rows + ": ";
    }

    private static String amount(BigDecimal unitPrice) {
        BigDecimal trimmed = unitPrice.stripTrailingZeros();
        return (trimmed.scale() < 2 ? trimmed.setScale(2) : trimmed).toPlainString();
    }
}
