package lockstep.engine.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules, in one place: which members of the JDK learner code may not use, why, and what to
 * write instead. The rules judge what code does, not which types it names: a type in a descriptor,
 * a generic signature, a cast, a catch or a null argument reaches nothing, so {@code new Thread(null,
 * task, "name", stackSize)} is as good as {@code new Thread(task)}. What is denied is a member that
 * reaches other threads, the JVM, the grader, files, processes or the network. A member is judged on
 * the JDK class that declares it, through any subclass it is called on ({@link Hierarchy}).
 *
 * <p>Two families are refused wherever they are named, a descriptor too, because no exercise ever
 * names them: the grader's own classes and the JDK's internals. An exercise may allow a family back
 * ({@code java.net.http} for the HTTP exercise).
 *
 * <p>Each family says which other layer still holds if its rule were relaxed; the layers are those of
 * the README's "For instructors": (1) child JVMs with limits, (2) this policy, (3) named modules,
 * (4) the signed event channel, (5) the bubblewrap sandbox. Where a family says "only this policy",
 * relaxing it opens a hole.
 */
final class Rules {
    /** Why an API is refused and what to write instead, in the learner's terms. */
    record Denial(String why, String instead) {}

    /**
     * The owners of the bootstrap methods javac itself emits for lambdas, string concatenation,
     * records and switches; their arguments are checked like any constant.
     */
    static final Set<String> JAVAC_BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory", "java/lang/invoke/StringConcatFactory",
            "java/lang/runtime/ObjectMethods", "java/lang/runtime/SwitchBootstraps");

    /**
     * The one bootstrap of the dynamic constants javac emits (enum constants in pattern switches), as
     * owner and name: others of its class read static fields or make field handles of any class.
     */
    static final String JAVAC_CONSTANT_BOOTSTRAP = "java/lang/invoke/ConstantBootstraps.invoke";

    /** The class whose {@code find...} methods are judged by what they find: see {@link #FINDS}. */
    static final String LOOKUP = "java/lang/invoke/MethodHandles$Lookup";

    /**
     * The methods of {@link #LOOKUP} that find a member of a class by name, allowed when the class is
     * one of the exercise's package and both it and the name are written literally: then they reach
     * what the equivalent call would, and that is judged. All but {@code findConstructor} take the
     * name as their second argument.
     */
    static final Set<String> FINDS = Set.of("findStatic", "findVirtual", "findSpecial", "findConstructor", "findGetter",
            "findSetter", "findStaticGetter", "findStaticSetter", "findVarHandle", "findStaticVarHandle");

    // AtomicIntegerFieldUpdater, AtomicLongFieldUpdater and AtomicReferenceFieldUpdater need no rule: they
    // reach only volatile fields the calling class could use itself, with the same access and module checks.

    private static final String LOOKUP_PARAMETER = "Ljava/lang/invoke/MethodHandles$Lookup;";

    /** Classes in denied packages that reach nothing: generic arrays, and beans' change listeners. */
    private static final Set<String> HARMLESS_TYPES = Set.of("java/lang/reflect/Array",
            "java/beans/PropertyChangeSupport", "java/beans/PropertyChangeEvent", "java/beans/PropertyChangeListener",
            "java/beans/PropertyChangeListenerProxy", "java/beans/IndexedPropertyChangeEvent",
            "java/beans/VetoableChangeSupport", "java/beans/VetoableChangeListener", "java/beans/VetoableChangeListenerProxy");

    /** Classes whose constructors taking a {@code String} first open that file. */
    private static final Set<String> FILE_NAME_CONSTRUCTORS = Set.of(
            "java/io/PrintWriter", "java/io/PrintStream", "java/util/Formatter");

    // ---------------------------------------------------------------- families
    //
    // REFLECTION. If relaxed: layer 3 still keeps the grader's classes closed (the runner, the testkit and
    // the suites are named modules that export and open nothing to the class path: the hostile case
    // reflection-on-the-suites shows every reach throw); what reflection reaches of the JDK's public API
    // (System.exit, files, processes) is then held only by the layers of that family below, not by this one.
    static final Denial REFLECTION = new Denial("reflection reaches past what the grader can check, into its own"
            + " classes too", "call your own classes' methods and fields directly");
    private static final Denial BY_NAME = new Denial("it loads classes by name, the grader's and the tests' too",
            "use your classes by their names in the code");
    private static final Denial LOADERS = new Denial("class loaders load code the grader never checked",
            "use your classes directly, and new for the objects you need");
    private static final Denial MODULES = new Denial("modules are what keeps the grader's classes closed",
            "nothing in an exercise needs them");
    private static final Denial SERVICES = new Denial("a service loader makes objects of classes it finds by name,"
            + " the grader's too", "make the objects you need with new");
    private static final Denial CODE = new Denial("it compiles or runs code the grader never checked",
            "write that code in your classes");
    private static final Denial TOOLS = new Denial("it runs the JDK's tools (javac, jar, jshell) inside the test JVM,"
            + " which compile code and read and write files", "write that code in your classes");
    static final Denial FIND_UNSEEN = new Denial("it finds a member by a class or name the grader cannot read from"
            + " your code", "write one of your own classes and the member's name literally, e.g."
            + " MethodHandles.lookup().findVarHandle(Counter.class, \"count\", long.class)");
    static final Denial FIND_ELSEWHERE = new Denial("it finds members of a class that is not yours",
            "find only fields and methods of your own classes, e.g."
            + " MethodHandles.lookup().findVarHandle(Counter.class, \"count\", long.class)");
    private static final Denial LOOKUP_ELSEWHERE = new Denial("it moves a lookup to other classes, loads them by name or"
            + " defines new ones", "use MethodHandles.lookup() as it is, in the class whose fields you need");
    private static final Denial PRIVATE_LOOKUP = new Denial("it opens the private members of another class",
            "call MethodHandles.lookup() in the class that declares the field or method");
    private static final Denial HANDS_LOOKUP = new Denial("it hands your class's lookup to code that finds members by"
            + " name with it", "find the handle yourself: MethodHandles.lookup().findVarHandle or findVirtual on your own"
            + " class");
    private static final Denial BY_DATA = new Denial("it runs code, loads classes or opens files and connections named"
            + " in data (XSLT extension functions, external entities, bean statements, drivers, look-and-feels)",
            "work with your own objects in memory");
    private static final Denial DESCRIPTOR_BY_NAME = new Denial("it loads the classes a descriptor names",
            "build the type with MethodType.methodType(...)");

    // (BY_DATA: the JDK's modules for XML, beans, the desktop, SQL and logins are in a test JVM's module graph,
    // bound as service providers of java.base; they are reflection and files by other means, held by the same
    // layers as those families.)

    // THE JVM'S CONTROLS. If relaxed: layer 1 (an exit or halt ends only a child JVM, reported as crashed,
    // whose process tree is killed; its environment was cleared and the slack factor is fixed on its command
    // line) and layer 4 (events are numbered and signed with a one-time key and the grader alone writes
    // results, so faked output, frames or hooks earn nothing: hostile cases exit-silent, halt,
    // set-out-to-the-channel, shutdown-hook-fake-results, sets-the-slack-property). The watchdog in the test
    // JVM is backed by the grader's own time limits (layer 1: stops-the-watchdog).
    private static final Denial EXIT = new Denial("it ends the test JVM in the middle of the suite",
            "return from your method, or throw an exception");
    private static final Denial HOOKS = new Denial("a shutdown hook runs after the suite, while the grader reads the"
            + " results", "clean up before your method returns: join your threads, close your executors");
    private static final Denial STREAMS = new Denial("the test JVM's standard streams carry the grader's events",
            "print with System.out and System.err as they are");
    private static final Denial PROPERTIES = new Denial("system properties configure the grader and the tests (time"
            + " bounds, JUnit)", "read one with System.getProperty; keep your own settings in fields");
    private static final Denial ENVIRONMENT = new Denial("the test JVM's environment is cleared and belongs to the"
            + " grader", "take what you need as arguments");
    private static final Denial ALL_THREADS = new Denial("it reaches every thread of the test JVM, the grader's too",
            "keep track of the threads you start yourself (a list, an executor)");
    private static final Denial GROUPS = new Denial("a thread group leads to every thread of the test JVM, the"
            + " grader's too", "keep track of the threads you start yourself (a list, an executor); a group may"
            + " still be passed to a Thread constructor");
    private static final Denial DEFAULT_HANDLER = new Denial("the test JVM's default handler reports your threads'"
            + " failures to the grader", "catch exceptions in your task, or give your own thread a handler with"
            + " setUncaughtExceptionHandler");
    private static final Denial STOP = new Denial("stopping or suspending a thread from outside leaves its locks and"
            + " data broken (the JDK no longer supports it)", "interrupt the thread and let its code end");
    private static final Denial SECURITY = new Denial("it changes the rules of the whole test JVM",
            "nothing in an exercise needs it");
    private static final Denial SECURITY_SETTINGS = new Denial("it changes the security settings of the whole test JVM",
            "nothing in an exercise needs it");
    private static final Denial MANAGEMENT = new Denial("management beans see and control the whole test JVM: its"
            + " threads, memory and arguments", "measure with System.nanoTime and keep your own counts");
    private static final Denial AGENTS = new Denial("agents rewrite the classes of the test JVM",
            "nothing in an exercise needs them");

    // PROCESSES. If relaxed: layer 1 (the child JVM's whole process tree and process group are killed at the
    // end: starts-processes-then-halts) and layer 5 where bubblewrap works (a new PID namespace, user nobody,
    // a pids limit, a read-only view of the JDK and no network).
    private static final Denial PROCESSES = new Denial("it starts or controls processes outside the test JVM",
            "do the work on threads of this JVM");

    // FILES. If relaxed: layer 5 where bubblewrap works (only the JDK, read-only, and the test JVM's own class
    // path are visible, never the tests or the solutions; writes go to a 32 MiB /tmp) and layer 4 (results are
    // written by the grader alone, from signed events: writes-results-files). Without bubblewrap, only this
    // policy keeps the tests and the solutions unread (reads-test-and-solution-files).
    private static final Denial FILES = new Denial("files are the grader's: tests, solutions, results",
            "keep your data in memory (fields, collections) and print with System.out");
    private static final Denial CONSOLE = new Denial("the console is the grader's terminal", "print with System.out");
    private static final Denial LOG_CONFIGURATION = new Denial("it reconfigures logging of the whole test JVM, and can"
            + " open log files", "configure your own Logger in code: setLevel, addHandler(new ConsoleHandler())");

    // NETWORK. If relaxed: layer 5 where bubblewrap works (no network at all). Without bubblewrap only this
    // policy holds, so it stays.
    private static final Denial NETWORK = new Denial("it opens connections outside the test JVM",
            "work in memory; http-fetch sends its requests only through the HttpClient it is given");

    // NATIVE CODE. If relaxed: layer 1 (JNI and FFM native access are denied on the command line of JDK 24 and
    // later, Unsafe memory access on 23 and later) and layer 3 (jdk.unsupported is not in the module graph).
    // On JDK 21 and 22 only this policy holds.
    private static final Denial NATIVE = new Denial("native code runs outside every check of the JVM",
            "write it in Java");

    // SERIALIZATION (making object streams). If relaxed: layer 3 does not hold (deserialization builds objects
    // of any serializable class, without the module checks of new); layers 4 and 1 do: whatever it builds,
    // results come only from signed events, in a child JVM with limits. Implementing Serializable, declaring
    // serialVersionUID and the readObject/writeObject hooks stay allowed: without a stream they never run.
    private static final Denial SERIALIZATION = new Denial("serialization builds objects of any class, the grader's"
            + " too, outside your code", "copy the values you need; implementing Serializable is fine");

    // THE GRADER'S CLASSES (named anywhere). If relaxed: layer 3 for the runner, the testkit and the suites
    // (named modules that export nothing to the class path); JUnit, opentest4j and AssertJ are exported
    // modules, so for them layer 4 holds (an aborted or failed test earns nothing; a pass comes only from the
    // runner's own signed events: junit-abort-from-learner-code). Learner sources outside the exercise's
    // package are never compiled, so only a crafted class could name them.
    private static final Denial HARNESS = new Denial("those classes belong to the grader and its tests",
            "use the JDK's own classes and exceptions");

    // THE JDK'S INTERNALS AND TOOLS (named anywhere). If relaxed: for internals, layer 3 (their packages are not
    // exported, and jdk.unsupported, home of sun.misc.Unsafe, is not in the module graph) and layer 1 (Unsafe
    // memory access denied, agents and attaching off). The tools' exported APIs (jdk.jshell runs code, JFR,
    // com.sun.net.httpserver) are in the module graph, bound as service providers: for them only this policy.
    private static final Denial INTERNAL = new Denial("the JDK's internals and tools (sun.*, jdk.*, com.sun.*) reach"
            + " under the JVM's own checks", "use the java.* APIs");

    // BOOTSTRAPS javac never emits (only a crafted class file has them: the grader compiles sources only).
    // If relaxed: a bootstrap of the learner's is code checked like any other, a JDK one takes a Lookup and is
    // refused by the rule on methods that take one.
    static final Denial BOOTSTRAP = new Denial("it calls a bootstrap method javac never emits",
            "write the call in Java; lambdas, method references, records and switches are fine");

    /**
     * Members of {@code type} and its nested classes, or of every type in a package when {@code type} ends
     * with '/': those named, or all but {@code except}.
     */
    private record Rule(String type, Set<String> members, Set<String> except, Denial denial) {
        boolean matches(String owner, String member) {
            boolean covered = type.endsWith("/") ? owner.startsWith(type) : owner.equals(type) || owner.startsWith(type + "$");
            if (!covered) {
                return false;
            }
            if (member == null) {
                return members.isEmpty();
            }
            return members.isEmpty() ? !except.contains(member) : members.contains(member);
        }
    }

    private static Rule all(String type, Denial denial) {
        return new Rule(type, Set.of(), Set.of(), denial);
    }

    private static Rule only(String type, Denial denial, String... members) {
        return new Rule(type, Set.of(members), Set.of(), denial);
    }

    private static Rule allBut(String type, Denial denial, String... except) {
        return new Rule(type, Set.of(), Set.of(except), denial);
    }

    /** Refused wherever they are named. */
    private static final List<Rule> NAMED = List.of(
            all("org/junit/", HARNESS), all("org/opentest4j/", HARNESS), all("org/assertj/", HARNESS),
            all("org/awaitility/", HARNESS), all("org/hamcrest/", HARNESS), all("org/apiguardian/", HARNESS),
            all("net/bytebuddy/", HARNESS), all("lockstep/", HARNESS),
            all("sun/", INTERNAL), all("jdk/", INTERNAL), all("com/sun/", INTERNAL));

    /** Refused where their members are used; first match wins, so specific rules come first. */
    private static final List<Rule> MEMBERS = List.of(
            // reflection
            only("java/lang/Class", BY_NAME, "forName"),
            allBut("java/lang/Class", REFLECTION, "getName", "getSimpleName", "getTypeName", "getCanonicalName",
                    "getPackageName", "isInstance", "cast", "isAssignableFrom", "isArray", "isInterface", "isRecord",
                    "isEnum", "isPrimitive", "isSealed", "isHidden", "isAnnotation", "isSynthetic", "isAnonymousClass",
                    "isLocalClass", "isMemberClass", "getComponentType", "arrayType", "componentType",
                    "descriptorString", "desiredAssertionStatus", "hashCode", "equals", "toString"),
            all("java/lang/reflect/", REFLECTION), // but Array: see HARMLESS_TYPES
            all("java/lang/ClassLoader", LOADERS),
            only("java/lang/Thread", LOADERS, "getContextClassLoader", "setContextClassLoader"),
            all("java/lang/Module", MODULES), all("java/lang/ModuleLayer", MODULES), all("java/lang/module/", MODULES),
            all("java/util/ServiceLoader", SERVICES),
            all("javax/script/", CODE), all("javax/tools/", CODE), all("java/util/spi/ToolProvider", TOOLS),
            all("javax/xml/", BY_DATA), all("org/w3c/", BY_DATA), all("org/xml/", BY_DATA), all("java/beans/", BY_DATA),
            all("java/sql/", BY_DATA), all("javax/sql/", BY_DATA), all("javax/swing/", BY_DATA),
            all("javax/imageio/", BY_DATA), all("javax/sound/", BY_DATA), all("javax/print/", BY_DATA),
            all("javax/security/auth/login/", BY_DATA), all("org/ietf/", NETWORK), all("javax/smartcardio/", BY_DATA),
            all("javax/rmi/", NETWORK),
            only("java/lang/invoke/MethodHandles", PRIVATE_LOOKUP, "privateLookupIn"),
            only("java/lang/invoke/MethodHandles", REFLECTION, "reflectAs", "classData", "classDataAt"),
            only("java/lang/invoke/MethodType", DESCRIPTOR_BY_NAME, "fromMethodDescriptorString"),
            new Rule(LOOKUP, FINDS, Set.of(), FIND_UNSEEN),
            allBut(LOOKUP, LOOKUP_ELSEWHERE, "lookupClass", "previousLookupClass", "lookupModes", "dropLookupMode",
                    "hasPrivateAccess", "hasFullPrivilegeAccess", "toString", "hashCode", "equals"),
            // the JVM's controls
            only("java/lang/System", EXIT, "exit"),
            only("java/lang/Runtime", EXIT, "exit", "halt"),
            only("java/lang/Runtime", HOOKS, "addShutdownHook", "removeShutdownHook"),
            only("java/lang/System", STREAMS, "setOut", "setErr", "setIn"),
            only("java/lang/System", PROPERTIES, "setProperty", "setProperties", "clearProperty", "getProperties"),
            only("java/lang/System", ENVIRONMENT, "getenv"),
            only("java/lang/System", CONSOLE, "console"),
            only("java/lang/System", NETWORK, "inheritedChannel"),
            only("java/lang/System", SECURITY, "setSecurityManager"),
            only("java/lang/System", NATIVE, "load", "loadLibrary", "mapLibraryName"),
            only("java/lang/Runtime", NATIVE, "load", "loadLibrary"),
            only("java/lang/Runtime", PROCESSES, "exec"),
            only("java/lang/Thread", ALL_THREADS, "getAllStackTraces", "getThreadGroup", "enumerate"),
            only("java/lang/Thread", DEFAULT_HANDLER, "setDefaultUncaughtExceptionHandler",
                    "getDefaultUncaughtExceptionHandler"),
            only("java/lang/Thread", STOP, "stop", "suspend", "resume"),
            only("java/lang/ThreadGroup", GROUPS, "enumerate", "getParent", "parentOf", "interrupt", "stop", "suspend",
                    "resume", "destroy", "setMaxPriority", "setDaemon", "activeCount", "activeGroupCount", "list",
                    "uncaughtException"),
            only("java/security/Security", SECURITY_SETTINGS, "setProperty", "addProvider", "insertProviderAt",
                    "removeProvider"),
            all("java/lang/management/", MANAGEMENT), all("javax/management/", MANAGEMENT),
            all("java/lang/instrument/", AGENTS),
            // processes
            all("java/lang/ProcessBuilder", PROCESSES), all("java/lang/Process", PROCESSES),
            all("java/lang/ProcessHandle", PROCESSES),
            // files
            all("java/io/File", FILES), all("java/io/FileInputStream", FILES), all("java/io/FileOutputStream", FILES),
            all("java/io/FileReader", FILES), all("java/io/FileWriter", FILES), all("java/io/FileDescriptor", FILES),
            all("java/io/RandomAccessFile", FILES), all("java/io/Console", CONSOLE),
            all("java/nio/file/", FILES), all("java/nio/channels/", FILES),
            all("java/util/zip/ZipFile", FILES), all("java/util/jar/JarFile", FILES),
            all("java/util/logging/FileHandler", FILES), all("java/util/prefs/", FILES),
            only("java/util/logging/LogManager", LOG_CONFIGURATION, "readConfiguration", "updateConfiguration"),
            // the network
            all("java/net/", NETWORK), all("javax/net/", NETWORK), all("java/rmi/", NETWORK),
            all("javax/naming/", NETWORK),
            // native code
            all("java/lang/foreign/", NATIVE),
            // serialization: making the streams, and what reaches serialization of the whole JVM
            only("java/io/ObjectOutputStream", SERIALIZATION, "<init>"),
            only("java/io/ObjectInputStream", SERIALIZATION, "<init>"),
            all("java/io/ObjectStreamClass", SERIALIZATION), all("java/io/ObjectInputFilter$Config", SERIALIZATION),
            // the desktop (java.desktop is in a test JVM's module graph, bound as a service provider)
            all("java/awt/", new Denial("exercises have no screen, and the desktop opens other programs",
                    "print with System.out")));

    private Rules() {}

    /** Why naming {@code type} (internal name) anywhere is denied, or empty: only the grader's classes and the JDK's internals. */
    static Optional<Denial> named(String type, List<String> allowed) {
        if (type.startsWith("[") || isAllowed(type, allowed)) {
            return Optional.empty();
        }
        return NAMED.stream().filter(r -> r.matches(type, null)).map(Rule::denial).findFirst();
    }

    /**
     * Why using member {@code member} (a field, a method, or {@code <init>} for a constructor) declared by,
     * or inherited from, the JDK class {@code type} is denied, or empty when it is allowed.
     *
     * @param descriptor the member's descriptor, or null when unknown (a name written in a find call)
     */
    static Optional<Denial> member(String type, String member, String descriptor, List<String> allowed) {
        if (type.startsWith("[") || isAllowed(type, allowed) || isJdkThrowable(type) || HARMLESS_TYPES.contains(type)) {
            return Optional.empty(); // arrays, an exercise's own families, JDK exceptions and harmless types reach nothing
        }
        if ("<init>".equals(member) && descriptor != null && descriptor.startsWith("(Ljava/lang/String;")
                && FILE_NAME_CONSTRUCTORS.contains(type)) {
            return Optional.of(FILES);
        }
        Optional<Denial> rule = MEMBERS.stream().filter(r -> r.matches(type, member)).map(Rule::denial).findFirst();
        if (rule.isEmpty() && descriptor != null && descriptor.startsWith("(")
                && descriptor.substring(0, descriptor.indexOf(')')).contains(LOOKUP_PARAMETER)) {
            return Optional.of(HANDS_LOOKUP); // bootstraps, resolveConstantDesc, MethodHandleInfo.reflectAs, ...
        }
        return rule;
    }

    /** Why a native method is denied. */
    static Denial nativeMethods() {
        return NATIVE;
    }

    private static boolean isAllowed(String type, List<String> allowed) {
        return allowed.stream().anyMatch(type::startsWith);
    }

    /** Catching, throwing or making a JDK exception or error reaches nothing. */
    private static boolean isJdkThrowable(String type) {
        return (type.startsWith("java/") || type.startsWith("javax/")) && (type.endsWith("Exception") || type.endsWith("Error"));
    }
}
