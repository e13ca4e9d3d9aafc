package org.tradeflow.orderdesk;

import org.tradeflow.pricing.LineRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the order desk writes to correct an order's lines, one correction a row: {@code line 3: quantity 24} or
 * {@code line 5: drop}. Blank rows are ignored; anything else is refused, naming the row, so that a typo never
 * changes a line silently.
 */
public record LineCorrections(Map<Integer, Integer> quantities, List<Integer> dropped) {

    static final String FORMS = "'line 3: quantity 24' or 'line 5: drop'";
    private static final Pattern ROW = Pattern.compile(
            "line\\s+(\\d{1,6})\\s*:\\s*(?:(?:quantity|qty)\\s+(\\d{1,9})|(drop))", Pattern.CASE_INSENSITIVE);

    public static LineCorrections parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCorrection("No line corrections given: write one per row, " + FORMS);
        }
        Map<Integer, Integer> quantities = new LinkedHashMap<>();
        List<Integer> dropped = new ArrayList<>();
        String[] rows = text.split("\\R");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty()) {
                continue;
            }
            Matcher matcher = ROW.matcher(row);
            String where = "Row " + (i + 1) + " ('" + shortened(row) + "')";
            if (!matcher.matches()) {
                throw new InvalidCorrection(where + " is not a correction: write " + FORMS);
            }
            int lineNo = Integer.parseInt(matcher.group(1));
            if (quantities.containsKey(lineNo) || dropped.contains(lineNo)) {
                throw new InvalidCorrection(where + ": line " + lineNo + " is corrected twice");
            }
            if (matcher.group(3) != null) {
                dropped.add(lineNo);
                continue;
            }
            long quantity = Long.parseLong(matcher.group(2));
            if (quantity == 0) {
                throw new InvalidCorrection(where + ": a quantity of 0 drops the line; write 'line " + lineNo + ": drop'");
            }
            if (quantity > LineRequest.MAX_QUANTITY) {
                throw new InvalidCorrection(where + ": at most " + LineRequest.MAX_QUANTITY + " units a line");
            }
            quantities.put(lineNo, (int) quantity);
        }
        if (quantities.isEmpty() && dropped.isEmpty()) {
            throw new InvalidCorrection("No line corrections given: write one per row, " + FORMS);
        }
        return new LineCorrections(Map.copyOf(quantities), List.copyOf(dropped));
    }

    /** Every line number a correction names. */
    List<Integer> lineNumbers() {
        List<Integer> all = new ArrayList<>(quantities.keySet());
        all.addAll(dropped);
        return all;
    }

    private static String shortened(String row) {
        return row.length() <= 40 ? row : row.substring(0, 37) + "...";
    }
}
