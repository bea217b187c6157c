package com.ticketing.events.payload.listing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.ticketing.events.payload.Money;

/**
 * What one accepted listing event changed, written as {@code {field: {from, to}}} with only the
 * fields that changed present. Typed per field, so a consumer reads {@code price} back as money.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListingChanges(FieldChange<Money> price, FieldChange<Integer> quantity,
                             FieldChange<ListingStatus> status) {

    /** No field changed (the {@code listing.created} update). */
    public static final ListingChanges NONE = new ListingChanges(null, null, null);

    public ListingChanges withPrice(Money from, Money to) {
        return new ListingChanges(new FieldChange<>(from, to), quantity, status);
    }

    public ListingChanges withQuantity(int from, int to) {
        return new ListingChanges(price, new FieldChange<>(from, to), status);
    }

    public ListingChanges withStatus(ListingStatus from, ListingStatus to) {
        return new ListingChanges(price, quantity, new FieldChange<>(from, to));
    }

    /** Whether the price changed, so the gateway also emits {@code listing:price_changed}. */
    @JsonIgnore
    public boolean priceChanged() {
        return price != null;
    }
}
