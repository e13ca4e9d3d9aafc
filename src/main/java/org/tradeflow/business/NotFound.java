package org.tradeflow.business;

import java.util.List;

/** The thing asked for does not exist (or not for this caller). */
public abstract class NotFound extends BusinessException {

    protected NotFound(String code, String message) {
        super(Kind.NOT_FOUND, code, message, List.of());
    }
}
