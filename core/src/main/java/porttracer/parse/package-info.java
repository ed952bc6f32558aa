/**
 * Parsers of Dell CLI output (OS10, OS9, OS6, PowerConnect), entered through {@link porttracer.parse.Parsers}:
 * each reads a table by its header and row shapes, never throws on any input, and returns the rows it
 * understood with the lines it did not. {@code ParseCli} prints any capture as JSON. Uses {@code domain}.
 */
package porttracer.parse;
