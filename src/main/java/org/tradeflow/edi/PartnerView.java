package org.tradeflow.edi;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A trading partner as set up: who it orders for, its X12 identity, version, acknowledgement, items and locations. */
public record PartnerView(
        @Schema(example = "HUDSON") String code,
        @Schema(description = "The account its orders are for", example = "HUDSON-US") String accountCode,
        @Schema(description = "ISA05: its interchange sender qualifier", example = "ZZ") String isaQualifier,
        @Schema(description = "ISA06: its interchange sender id", example = "HUDSONHOME") String isaId,
        @Schema(description = "ISA07: the receiver qualifier it addresses us by", example = "ZZ") String ourIsaQualifier,
        @Schema(description = "ISA08: the receiver id it addresses us by", example = "TRADEFLOW") String ourIsaId,
        @Schema(description = "GS02: its application sender code", example = "HUDSONHOME") String gsId,
        @Schema(description = "GS03: the application receiver code it addresses us by", example = "TRADEFLOW") String ourGsId,
        @Schema(description = "GS08 it sends: 004010 or 005010", example = "004010") String version,
        @Schema(description = "997 or 999", example = "997") String acknowledgement,
        @Schema(description = "An inactive partner's interchanges are rejected", example = "true") boolean active,
        List<Item> items,
        List<Location> locations) {

    /** A buyer part number in a unit of the partner, and how many of our selling units of a SKU it holds. */
    public record Item(
            @Schema(description = "PO107 (or a later product id)", example = "HH-HEART-TL") String buyerPartNumber,
            @Schema(description = "PO103: CA, EA or PK", example = "CA") String unitOfMeasure,
            @Schema(example = "85123A") String sku,
            @Schema(description = "Our selling units in one of its units, 1 to 10000", example = "6") Integer packFactor) {
    }

    /** A ship-to id of the partner (N1*ST N103/N104) and the delivery address of its account it stands for. */
    public record Location(
            @Schema(description = "N103: UL (GLN), 92 (assigned by the buyer), 9 (DUNS+4), ...", example = "92") String qualifier,
            @Schema(description = "N104", example = "NWK01") String locationId,
            @Schema(description = "A delivery address code of the partner's account", example = "DEPOT-NEWARK") String addressCode) {
    }
}
