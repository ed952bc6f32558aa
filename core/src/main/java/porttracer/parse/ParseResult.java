package porttracer.parse;

import java.util.List;

/**
 * What a parser read from one command's output: the rows it understood and, never silently
 * dropped, the non-blank lines it did not (prompts, echoed commands, headers and legends it
 * recognises are not counted as unparsed).
 */
public record ParseResult<T>(List<T> rows, List<String> unparsedLines) {
    public ParseResult {
        rows = List.copyOf(rows);
        unparsedLines = List.copyOf(unparsedLines);
    }
}
