package dev.sigil.cost;

/** JavaScript's text operations that Java's differ from, as genai-prices uses them. */
final class JsText {

    private JsText() {
    }

    /** {@code s.toLowerCase().trim()}: JavaScript's trim removes its white space and line terminators. */
    static String lowerTrim(String s) {
        String lower = MatchRule.lower(s);
        int from = 0;
        int to = lower.length();
        while (from < to && isSpace(lower.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(lower.charAt(to - 1))) {
            to--;
        }
        return lower.substring(from, to);
    }

    /** JavaScript's WhiteSpace and LineTerminator: tab, VT, FF, space, NBSP, BOM, the Zs category, LF, CR, LS, PS. */
    static boolean isSpace(char c) {
        return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' ' || c == 0xA0 || c == 0xFEFF
                || c == 0x2028 || c == 0x2029 || Character.getType(c) == Character.SPACE_SEPARATOR;
    }
}
