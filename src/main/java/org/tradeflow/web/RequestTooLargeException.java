package org.tradeflow.web;

import java.io.IOException;

/** Raised while reading a request body that exceeds the configured limit. */
public class RequestTooLargeException extends IOException {

    public RequestTooLargeException(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes");
    }
}
