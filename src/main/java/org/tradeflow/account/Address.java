package org.tradeflow.account;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A delivery address of an account (a store, a branch), in a ship-to region the routing table knows. */
@Entity
@Table(name = "customer_address")
public class Address {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;
    private String code;
    private String name;
    private String street;
    private String postalCode;
    private String city;
    private String country;
    private String region;

    protected Address() {
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public String getStreet() { return street; }
    public String getPostalCode() { return postalCode; }
    public String getCity() { return city; }
    public String getCountry() { return country; }
    public String getRegion() { return region; }
}
