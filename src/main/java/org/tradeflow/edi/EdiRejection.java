package org.tradeflow.edi;

/** Why one transaction set became no order, naming the segment, its position and the element at fault. */
final class EdiRejection extends RuntimeException {

    EdiRejection(String reason) {
        super(reason, null, false, false);
    }
}
