package dev.cairn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumbersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4111111111111111",
                "4111 1111 1111 1111",
                "4111-1111-1111-1111",
                "card: 5500 0000 0000 0004, thanks",
                "amex 378282246310005",
                "https://shop.example/pay?number=4012888888881881&x=1",
                "6011111111111117",
                "3530111333300000",
                "4222222222222",
                "4000 1110 0000 0007 12/25",
                "4000222000000002 5",
                "Order 4001888000000009 3",
                "4111\u00a01111\u00a01111\u00a01111",
                "4111.1111.1111.1111",
                "4111  1111  1111  1111",
                "4111\u20131111\u20131111\u20131111",
                "\uff14\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11",
                "4111+1111+1111+1111",
                "pay 4000/1110/0000/0007",
                "4000_1110_0000_0007",
                "4000,1110,0000,0007",
                "4000*1110*0000*0007",
                "4000'1110'0000'0007",
                "4000\u00b71110\u00b70000\u00b70007",
                "4000\u22121110\u22120000\u22120007",
                "4000\u200b1110\u200b0000\u200b0007",
                "4000\u00ad1110\u00ad0000\u00ad0007",
                "4000\u20601110\u20600000\u20600007",
                "(4000)1110-0000-0007",
                "4000 -  1110 -  0000 -  0007",
                "cc4000111000000007",
                "4000111000000007exp1225",
                "8171999927660000"
            })
    void containsCardNumber_detectsTestCards(String text) {
        assertThat(CardNumbers.containsCardNumber(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4111111111111112",
                "+44 20 7946 0000",
                "order 123456789012",
                "01a241b5-97ed-7d07-87bb-cde1e94c946e",
                "12345678901234567890123",
                "",
                "call me at 415-555-2671",
                "+86 138 0013 8002",
                "+49 1512 3456787",
                "newcomer-18090-1796400000@example.com",
                "seen 2026/12/04 15:24:30 UTC",
                "9400111899223100000000"
            })
    void containsCardNumber_ignoresOtherNumbers(String text) {
        assertThat(CardNumbers.containsCardNumber(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/demo/?utm_term=4001+5550+0000+0004",
                "/pay?n=4111%201111%201111%201111",
                "/demo/?utm_term=\uff14\uff10\uff10\uff10%20\uff11\uff11\uff11\uff10%20\uff10\uff10\uff10\uff10%20\uff10\uff10\uff10\uff17",
                "/demo/?t=%34%30%30%30%EF%BC%8D%31%31%31%30%EF%BC%8D%30%30%30%30%EF%BC%8D%30%30%30%37"
            })
    void containsCardNumberInUrl_decodesEscapes(String url) {
        assertThat(CardNumbers.containsCardNumberInUrl(url)).isTrue();
    }

    @Test
    void randomLuhnNumbers_alwaysDetected() {
        Random random = new Random(20261204L);
        for (int i = 0; i < 5000; i++) {
            String number = luhnNumber(random, 13 + random.nextInt(7));
            String formatted = withSeparators(number, random);
            String text = "note " + formatted + " end";
            assertThat(CardNumbers.containsCardNumber(text)).as(text).isTrue();
        }
    }

    @Test
    void randomNumbersFailingLuhn_neverDetected() {
        Random random = new Random(4111L);
        for (int i = 0; i < 5000; i++) {
            String number = luhnNumber(random, 13 + random.nextInt(7));
            int last = number.charAt(number.length() - 1) - '0';
            String broken = number.substring(0, number.length() - 1) + (last + 1 + random.nextInt(9)) % 10;
            assertThat(CardNumbers.containsCardNumber(broken)).as(broken).isFalse();
        }
    }

    @Test
    void randomVisitorIds_neverDetected() {
        Random random = new Random(128L);
        byte[] bytes = new byte[16];
        for (int i = 0; i < 20000; i++) {
            random.nextBytes(bytes);
            String visitorId = HexFormat.of().formatHex(bytes);
            assertThat(CardNumbers.containsCardNumber(visitorId)).as(visitorId).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"cardNumber", "card_number", "CC-Number", "cvv", "CVC2", "expiry", "card_exp", "expDate", "pan"})
    void isCardFieldName_rejectsCardFields(String name) {
        assertThat(CardNumbers.isCardFieldName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"company", "japan", "website", "panel", "experience", "discount_code"})
    void isCardFieldName_allowsOtherFields(String name) {
        assertThat(CardNumbers.isCardFieldName(name)).isFalse();
    }

    private static String luhnNumber(Random random, int length) {
        StringBuilder digits = new StringBuilder();
        digits.append("234568".charAt(random.nextInt(6)));
        for (int i = 1; i < length - 1; i++) {
            digits.append(random.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            if (CardNumbers.passesLuhn(digits.toString() + check)) {
                return digits.toString() + check;
            }
        }
        throw new AssertionError("no Luhn check digit for " + digits);
    }

    private static String withSeparators(String number, Random random) {
        String separator = switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> " ";
            default -> "-";
        };
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < number.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(separator);
            }
            out.append(number.charAt(i));
        }
        return out.toString();
    }
}
