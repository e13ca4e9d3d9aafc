package org.tradeflow.business;

import java.util.List;

/** The request is well formed, but the current state of what it touches forbids it (an order already shipped, ...). */
public class StateConflict extends BusinessException {

    public StateConflict(String code, String message) {
        super(Kind.CONFLICT, code, message, List.of());
    }
}
