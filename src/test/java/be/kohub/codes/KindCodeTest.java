package be.kohub.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;

class KindCodeTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void generatedCodesHaveTheFormatAndValidCheckDigits() {
        for (int i = 0; i < 1000; i++) {
            KindCode code = KindCode.random(random);
            assertTrue(code.value().matches("^KC[0-9]{12}$"), code.value());
            assertEquals(code, KindCode.parse(code.value()));
        }
    }

    @Test
    void checkDigitsFollowIso7064Mod9710() {
        // Worked by hand: 1234567890 + "2012" + "00" = 1234567890201200; mod 97 = 76; 98 - 76 = 22.
        assertEquals("22", KindCode.checkDigits("1234567890"));
        assertTrue(KindCode.isValid("KC123456789022"));
    }

    @Test
    void everySingleDigitTypoIsCaught() {
        String code = KindCode.random(random).value();
        for (int pos = 2; pos < code.length(); pos++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d == code.charAt(pos))
                    continue;
                String typo = code.substring(0, pos) + d + code.substring(pos + 1);
                assertFalse(KindCode.isValid(typo), typo);
            }
        }
    }

    @Test
    void malformedOrMistypedCodesAreA422WithAClearMessage() {
        Rejected typo = assertThrows(Rejected.class, () -> KindCode.parse("KC123456789023"));
        assertEquals(ProblemType.ONGELDIGE_KINDCODE, typo.type);
        assertEquals(422, typo.type.status);
        assertTrue(typo.report.problems().get(0).messageNl().contains("tikfout"));
        assertThrows(Rejected.class, () -> KindCode.parse("KC12345"));
        assertThrows(Rejected.class, () -> KindCode.parse(null));
        assertEquals("KC123456789022", KindCode.parse(" kc 1234567890 22 ").value());
    }
}
