package org.tradeflow.order;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tradeflow.account.FillPolicy;
import org.tradeflow.pricing.LineRequest;

import java.time.LocalDate;
import java.util.List;

/** An order as a channel submits it. */
@Schema(example = """
        {"accountCode": "ACME-DE", "customerPoNumber": "PO-2026-0412",
         "lines": [{"sku": "85123A", "quantity": 24}, {"sku": "22423", "quantity": 2}]}""")
public record OrderRequest(
        @NotBlank @Size(max = 32) String accountCode,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{Alnum}][\\p{Alnum} ./_#-]*", message = "may hold letters, digits, spaces and . / _ # - only") String customerPoNumber,
        LocalDate requestedDeliveryDate,
        /** Optional; when given it must be the account's currency. */
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO currency code such as EUR") String currency,
        @NotEmpty @Size(max = MAX_LINES) List<@NotNull @Valid LineRequest> lines,
        /** Optional; overrides the account's fill policy for this order. */
        FillPolicy fillPolicy,
        /** Percent of the open units that must ship at once under MIN_FILL_RATE; defaults to the account's. */
        @Min(1) @Max(100) Integer minFillRatePercent,
        /** Optional; NORMAL unless the customer says RUSH. */
        Urgency urgency) {

    /** Far beyond any real order; the channels (REST, EDI) refuse more before they look at a single line. */
    public static final int MAX_LINES = 5000;
}
