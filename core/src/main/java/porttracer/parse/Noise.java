package porttracer.parse;

/** Recognisers for the lines every Dell table carries around its rows: separators, prompts, echoes. */
final class Noise {
    private Noise() {
    }

    /** "-------- -----" or "=====" rulers. */
    static boolean isSeparator(Lines l) {
        boolean dash = false;
        for (int i = l.start; i < l.end; i++) {
            char c = l.text.charAt(i);
            if (c == '-' || c == '=') {
                dash = true;
            } else if (!Tokens.isBlank(c) && c != '+' && c != '|') {
                return false;
            }
        }
        return dash;
    }

    /** An echoed command ("show mac address-table") or a prompt ("console#", "OS10# show ..."). */
    static boolean isPromptOrEcho(Lines l) {
        String t = l.text;
        int i = l.start;
        while (i < l.end && Tokens.isBlank(t.charAt(i))) {
            i++;
        }
        if (i >= l.end) {
            return false;
        }
        if (t.regionMatches(true, i, "show ", 0, 5) || (l.end - i == 4 && t.regionMatches(true, i, "show", 0, 4))) {
            return true;
        }
        if (!Character.isLetter(t.charAt(i))) {
            return false;
        }
        for (int k = i + 1; k < l.end; k++) {
            char c = t.charAt(k);
            if (c == '#' || c == '>') {
                return true;
            }
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '(' || c == ')'
                    || c == ':' || c == '/')) {
                return false;
            }
        }
        return false;
    }

    static boolean startsWith(Lines l, String prefix) {
        String t = l.text;
        int i = l.start;
        while (i < l.end && Tokens.isBlank(t.charAt(i))) {
            i++;
        }
        return l.end - i >= prefix.length() && t.regionMatches(true, i, prefix, 0, prefix.length());
    }
}
