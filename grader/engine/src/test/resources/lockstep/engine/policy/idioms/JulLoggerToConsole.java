package ch10.demo;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** java.util.logging to the console, with a handler and a level of its own. */
public final class JulLoggerToConsole {
    private static final Logger LOG = Logger.getLogger(JulLoggerToConsole.class.getName());

    static {
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new SimpleFormatter());
        console.setLevel(Level.FINE);
        LOG.addHandler(console);
        LOG.setUseParentHandlers(false);
        LOG.setLevel(Level.FINE);
    }

    private JulLoggerToConsole() {
    }

    public static void loaded(Object key) {
        LOG.fine(() -> "loaded " + key);
        LOG.log(Level.WARNING, "slow load of {0}", key);
    }
}
