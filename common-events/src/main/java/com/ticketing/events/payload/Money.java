package com.ticketing.events.payload;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money: a decimal written as a JSON string (never a float) plus an ISO-4217 code.
 *
 * @param amount   e.g. {@code "120.00"}
 * @param currency e.g. {@code "USD"}
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    /** Money from a decimal string and a currency code. */
    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /** Whether the amount is strictly positive. */
    @JsonIgnore // an is-getter, which Jackson would otherwise write as a "positive" field on the wire
    public boolean isPositive() {
        return amount != null && amount.signum() > 0;
    }

    /** Whether the currency is a known ISO-4217 code. */
    public boolean hasValidCurrency() {
        if (currency == null || currency.length() != 3) {
            return false;
        }
        try {
            Currency.getInstance(currency);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Same amount numerically (ignoring scale: 10.0 equals 10.00) and same currency. */
    public boolean sameValueAs(Money other) {
        return other != null && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }
}
