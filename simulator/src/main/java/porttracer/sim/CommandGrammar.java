package porttracer.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Matches a typed line against command patterns the way switch CLIs do: keywords may be abbreviated to any
 * prefix, {@code <name>} stands for one argument. On failure it reports the column of the first token no
 * pattern accepts, where the CLI puts its '^' marker.
 */
final class CommandGrammar<H> {

    record Match<H>(H handler, List<String> args) {
    }

    /** Either a match, or the column (in the typed line) of the offending token. */
    record Result<H>(Match<H> match, int errorColumn) {
        boolean matched() {
            return match != null;
        }
    }

    private record Pattern<H>(List<String> tokens, H handler) {
    }

    private record Token(String text, int column) {
    }

    private final List<Pattern<H>> patterns = new ArrayList<>();

    CommandGrammar<H> add(String pattern, H handler) {
        patterns.add(new Pattern<>(List.of(pattern.strip().split("\\s+")), handler));
        return this;
    }

    Result<H> match(String line) {
        List<Token> tokens = tokenize(line);
        int best = 0;
        for (boolean exactOnly : new boolean[] {true, false}) {
            for (Pattern<H> pattern : patterns) {
                int accepted = accepted(pattern.tokens(), tokens, exactOnly);
                if (accepted == tokens.size() && accepted == pattern.tokens().size()) {
                    return new Result<>(new Match<>(pattern.handler(), args(pattern.tokens(), tokens)), -1);
                }
                best = Math.max(best, accepted);
            }
        }
        int column = best < tokens.size() ? tokens.get(best).column() : line.length();
        return new Result<>(null, column);
    }

    private static int accepted(List<String> pattern, List<Token> tokens, boolean exactOnly) {
        int n = 0;
        while (n < pattern.size() && n < tokens.size() && accepts(pattern.get(n), tokens.get(n).text(), exactOnly)) {
            n++;
        }
        return n;
    }

    private static boolean accepts(String patternToken, String typed, boolean exactOnly) {
        if (patternToken.startsWith("<")) {
            return true;
        }
        String t = typed.toLowerCase(Locale.ROOT);
        return exactOnly ? patternToken.equals(t) : patternToken.startsWith(t);
    }

    private static List<String> args(List<String> pattern, List<Token> tokens) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < pattern.size(); i++) {
            if (pattern.get(i).startsWith("<")) {
                args.add(tokens.get(i).text());
            }
        }
        return args;
    }

    private static List<Token> tokenize(String line) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(new Token(line.substring(start, i), start));
            }
        }
        return tokens;
    }
}
