package org.tradeflow.inventory;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalTime;
import java.time.ZoneId;

@Entity
@Table(name = "warehouse")
public class Warehouse {

    /** Own distribution centre, a third-party logistics partner, or a supplier that ships directly. */
    public enum Kind { DISTRIBUTION_CENTRE, THIRD_PARTY, DROP_SHIP }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private String region;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String timeZone;
    /** Orders released before this local time leave the warehouse's pick queue the same day. */
    private LocalTime cutOff;
    /** Working days between picking and handing over to the carrier. */
    private int handlingDays;

    protected Warehouse() {
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getRegion() { return region; }
    public Kind getKind() { return kind; }
    public ZoneId getTimeZone() { return ZoneId.of(timeZone); }
    public LocalTime getCutOff() { return cutOff; }
    public int getHandlingDays() { return handlingDays; }
}
