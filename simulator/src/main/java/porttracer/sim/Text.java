package porttracer.sim;

/** Column helpers for fixed-width CLI tables. */
final class Text {

    private Text() {
    }

    static String left(Object value, int width) {
        String s = String.valueOf(value);
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String right(Object value, int width) {
        String s = String.valueOf(value);
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** Centred, any odd space going to the right. */
    static String center(Object value, int width) {
        String s = String.valueOf(value);
        if (s.length() >= width) {
            return s;
        }
        int pad = width - s.length();
        return " ".repeat(pad / 2) + s + " ".repeat(pad - pad / 2);
    }

    static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
