package lockstep.engine.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * A method or constructor of a learner class whose template body only throws
 * {@code UnsupportedOperationException("TODO: ...")}: what the learner is to write. The grader
 * finds which of them a submission still leaves as the template has them.
 *
 * @param className the learner class's simple name, e.g. {@code Workers}
 * @param name the method's name, or {@code <init>} for a constructor
 * @param parameterTypes the simple names of the parameters' erased types, as a class file's
 *     descriptor has them ({@code long[]}, {@code List}, {@code Object} for an unbounded type variable):
 *     they tell overloads apart
 * @param label how reports name it: {@code Workers.spawn}; with its parameters when the class has
 *     overloads of that name ({@code JoinAll.joinAll(List, Duration)}); a constructor as its class
 *     with its parameters, as they are written ({@code Mutex(T)})
 * @since 0.1
 */
public record TodoMethod(String className, String name, List<String> parameterTypes, String label) {
    /** The name of a constructor in a class file. */
    public static final String CONSTRUCTOR = "<init>";

    public TodoMethod {
        Objects.requireNonNull(className, "className must not be null");
        Objects.requireNonNull(name, "name must not be null");
        parameterTypes = List.copyOf(parameterTypes);
        Objects.requireNonNull(label, "label must not be null");
    }

    /** Whether it is a constructor. */
    @JsonIgnore
    public boolean isConstructor() {
        return name.equals(CONSTRUCTOR);
    }
}
