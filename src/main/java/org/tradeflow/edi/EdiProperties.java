package org.tradeflow.edi;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/** Where the documents we send trading partners are dropped for their gateways: {@code <outbox>/<PARTNER-CODE>/}. */
@ConfigurationProperties("tradeflow.edi")
public record EdiProperties(Path outbox) {

    public EdiProperties {
        outbox = outbox == null ? Path.of("edi", "outbox") : outbox;
    }
}
