package ch10.demo;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** System.Logger for diagnostics, which goes to the console. */
public final class SystemLoggerToConsole {
    private static final Logger LOG = System.getLogger(SystemLoggerToConsole.class.getName());

    private SystemLoggerToConsole() {
    }

    public static void transferred(int from, int to, long amount) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "moved {0} from {1} to {2}", amount, from, to);
        }
        LOG.log(Level.INFO, () -> "transfer done on " + Thread.currentThread().getName());
    }
}
