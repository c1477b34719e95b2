package concur.check;

/**
 * Renumbers the back-references of a regex placeholder for its place in the line's regex. A lesson
 * writes {@code {/(\w)\1/}} meaning its own first group; in the line's regex, groups of the placeholders
 * before it and the placeholder's own group come first, so {@code \1} must become {@code \2} or more.
 */
final class BackReferences {
    private BackReferences() {}

    /**
     * {@code regex} (which compiles) with each numbered back-reference {@code \N} made {@code (?:\M)},
     * M = N + {@code offset}; the group keeps a digit written after the reference from joining its number.
     */
    static String shift(String regex, int offset) {
        StringBuilder out = new StringBuilder(regex.length() + 8);
        int opened = 0; // capturing groups opened so far, which is what Java reads a many-digit \N against
        int classDepth = 0;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(i + 1);
                if (next == 'Q') {
                    int end = regex.indexOf("\\E", i + 2);
                    end = end < 0 ? regex.length() : end + 2;
                    out.append(regex, i, end);
                    i = end;
                } else if (classDepth == 0 && next >= '1' && next <= '9') {
                    int number = next - '0';
                    int j = i + 2;
                    while (j < regex.length()
                            && Character.isDigit(regex.charAt(j))
                            && number * 10 + (regex.charAt(j) - '0') <= opened) {
                        number = number * 10 + (regex.charAt(j) - '0');
                        j++;
                    }
                    // A reference to a group the regex does not have matches nothing, alone or in the line.
                    out.append(number <= opened ? "(?:\\" + (number + offset) + ")" : "(?!)");
                    i = j;
                } else {
                    out.append(c).append(next);
                    i += 2;
                }
                continue;
            }
            if (c == '[') {
                classDepth++;
            } else if (c == ']' && classDepth > 0) {
                classDepth--;
            } else if (c == '(' && classDepth == 0 && capturing(regex, i)) {
                opened++;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Whether the parenthesis at {@code i} opens a capturing group: {@code (x)} or {@code (?<name>x)}. */
    private static boolean capturing(String regex, int i) {
        if (!regex.startsWith("(?", i)) {
            return true;
        }
        return regex.startsWith("(?<", i) && i + 3 < regex.length() && Character.isLetter(regex.charAt(i + 3));
    }
}
