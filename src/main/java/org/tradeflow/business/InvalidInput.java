package org.tradeflow.business;

import java.util.List;
import java.util.stream.Collectors;

/** A value that cannot be taken as given: an unknown code, a date out of range, a missing companion field. */
public class InvalidInput extends BusinessException {

    public InvalidInput(String field, String message) {
        super(Kind.INVALID, "invalid-input", field, message);
    }

    /** Several offending inputs at once; the detail joins their messages. */
    public InvalidInput(List<FieldError> errors) {
        super(Kind.INVALID, "invalid-input", errors.stream().map(FieldError::message).collect(Collectors.joining("; ")), errors);
    }

    protected InvalidInput(String code, String field, String message) {
        super(Kind.INVALID, code, field, message);
    }

    protected InvalidInput(String code, List<FieldError> errors) {
        super(Kind.INVALID, code, errors.stream().map(FieldError::message).collect(Collectors.joining("; ")), errors);
    }
}
