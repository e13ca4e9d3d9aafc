package org.tradeflow.invoicing;

import jakarta.persistence.Embeddable;

/** A name and address as printed on an invoice, fixed when it is issued (a later move changes no issued invoice). */
@Embeddable
public record PostalAddress(String name, String street, String postalCode, String city, String country) {
}
