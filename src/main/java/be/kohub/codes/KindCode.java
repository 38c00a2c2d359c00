package be.kohub.codes;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;

/**
 * The unique child code (unieke kindcode): {@code KC}, ten random digits and two check digits
 * (ISO 7064 MOD 97-10, as in IBAN). Opaque: nothing about the child can be read from it.
 * The check digits catch every single-digit typo and almost every swap of two digits.
 */
public record KindCode(String value) {
    private static final Pattern FORMAT = Pattern.compile("^KC[0-9]{12}$");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);
    /** "KC" as ISO 7064 digits: K = 20, C = 12. */
    private static final String LETTERS = "2012";

    public static KindCode random(SecureRandom random) {
        return random((RandomGenerator) random);
    }

    /**
     * A code from any random source. The hub issues codes only with a {@link SecureRandom} (a
     * guessable code would let one guess children); a seeded source is for generated test data.
     */
    public static KindCode random(RandomGenerator random) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 10; i++)
            digits.append(random.nextInt(10));
        return new KindCode("KC" + digits + checkDigits(digits.toString()));
    }

    /** The code in a request; a malformed code or wrong check digits are refused with 422. */
    public static KindCode parse(String text) {
        String code = text == null ? "" : text.trim().toUpperCase().replace(" ", "");
        if (!FORMAT.matcher(code).matches())
            throw new Rejected(ProblemType.ONGELDIGE_KINDCODE,
                    "Een kindcode is KC gevolgd door 12 cijfers, bv. KC123456789022; ontvangen: '" + text + "'.",
                    "A child code is KC followed by 12 digits, e.g. KC123456789022; received: '" + text + "'.");
        if (!isValid(code))
            throw new Rejected(ProblemType.ONGELDIGE_KINDCODE,
                    "De controlecijfers van kindcode " + code + " kloppen niet: waarschijnlijk een tikfout.",
                    "The check digits of child code " + code + " are wrong: probably a typo.");
        return new KindCode(code);
    }

    static boolean isValid(String code) {
        return new BigInteger(code.substring(2, 12) + LETTERS + code.substring(12)).mod(NINETY_SEVEN).intValue() == 1;
    }

    static String checkDigits(String tenDigits) {
        int check = 98 - new BigInteger(tenDigits + LETTERS + "00").mod(NINETY_SEVEN).intValue();
        return String.format("%02d", check);
    }

    @Override
    public String toString() {
        return value;
    }
}
