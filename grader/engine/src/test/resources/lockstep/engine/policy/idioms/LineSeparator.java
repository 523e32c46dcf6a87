package ch10.demo;

import java.util.List;

/** Lines joined with the platform's separator, read as a property and as System.lineSeparator(). */
public final class LineSeparator {
    private LineSeparator() {
    }

    public static String join(List<String> lines) {
        String separator = System.getProperty("line.separator", "\n");
        String again = System.lineSeparator();
        return String.join(separator.equals(again) ? separator : again, lines);
    }
}
