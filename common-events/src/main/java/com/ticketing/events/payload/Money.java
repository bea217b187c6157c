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

    /** Most digits before the decimal point an amount may have (below a trillion). */
    public static final int MAX_INTEGER_DIGITS = 12;
    /** Most digits after the decimal point (ISO-4217 minor units go to 4). */
    public static final int MAX_FRACTION_DIGITS = 4;

    /**
     * Whether the amount is an ordinary price: at most {@value #MAX_INTEGER_DIGITS} digits before the
     * point and {@value #MAX_FRACTION_DIGITS} after. {@code 1E+10000} is a valid decimal no state store can
     * write as a plain string; refuse it as input rather than fail on it later.
     */
    @JsonIgnore
    public boolean isWithinBounds() {
        if (amount == null) {
            return false;
        }
        BigDecimal plain = amount.stripTrailingZeros();
        int fraction = Math.max(0, plain.scale());
        int integer = plain.precision() - plain.scale();
        return fraction <= MAX_FRACTION_DIGITS && integer <= MAX_INTEGER_DIGITS;
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
