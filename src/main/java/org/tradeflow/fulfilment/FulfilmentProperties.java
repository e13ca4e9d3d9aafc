package org.tradeflow.fulfilment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** How long a warehouse may take to dispatch a requested shipment before the order desk chases it. */
@ConfigurationProperties("tradeflow.fulfilment")
public record FulfilmentProperties(Duration dispatchSla) {

    public FulfilmentProperties {
        dispatchSla = dispatchSla == null ? Duration.ofDays(2) : dispatchSla;
    }
}
