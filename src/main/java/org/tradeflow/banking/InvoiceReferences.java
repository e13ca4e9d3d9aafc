package org.tradeflow.banking;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The invoice numbers (series INV-YYYY-NNNNNN) a payer wrote into the remittance information. Online banking forms
 * wrap and people type, so spaces inside a number and lower case are forgiven.
 */
final class InvoiceReferences {

    private static final Pattern NUMBER = Pattern.compile("INV\\s*-?\\s*(\\d{4})\\s*-?\\s*((?:\\d\\s*){5}\\d)(?!\\d)",
            Pattern.CASE_INSENSITIVE);

    private InvoiceReferences() {
    }

    /** Each number once, in the order written. */
    static List<String> in(List<String> remittance) {
        Set<String> numbers = new LinkedHashSet<>();
        for (String line : remittance) {
            Matcher matcher = NUMBER.matcher(line.toUpperCase(Locale.ROOT));
            while (matcher.find()) {
                numbers.add("INV-" + matcher.group(1) + "-" + matcher.group(2).replaceAll("\\s", ""));
            }
        }
        return new ArrayList<>(numbers);
    }
}
