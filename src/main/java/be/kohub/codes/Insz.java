package be.kohub.codes;

import java.math.BigInteger;

/**
 * A Belgian national register number (INSZ/rijksregisternummer), only ever held in memory long
 * enough to hash it: 11 digits, the last two a check on the first nine (mod 97, with a leading
 * 2 for people born from 2000).
 */
public record Insz(String digits) {

    /** The number without separators, or empty if it is not a well-formed INSZ with valid check digits. */
    public static java.util.Optional<Insz> parse(String text) {
        if (text == null)
            return java.util.Optional.empty();
        String digits = text.replaceAll("[ .-]", "");
        if (!digits.matches("^[0-9]{11}$"))
            return java.util.Optional.empty();
        long base = Long.parseLong(digits.substring(0, 9));
        int check = Integer.parseInt(digits.substring(9));
        boolean before2000 = 97 - (int) (base % 97) == check;
        boolean from2000 = 97 - new BigInteger("2" + digits.substring(0, 9)).mod(BigInteger.valueOf(97)).intValue() == check;
        return before2000 || from2000 ? java.util.Optional.of(new Insz(digits)) : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return "Insz[***]";
    }
}
