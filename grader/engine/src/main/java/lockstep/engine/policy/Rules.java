package lockstep.engine.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules, in one place: which APIs learner code may not reach, and why. Everything not denied
 * here is allowed, so the rules name whole families (reflection, files, processes, the network,
 * the JVM's controls) rather than single methods. An exercise may allow a family back (an HTTP
 * exercise needs {@code java.net.http}).
 */
final class Rules {
    /** The bootstrap methods javac itself emits for lambdas, string concatenation, records and switches. */
    static final Set<String> JAVAC_BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory", "java/lang/invoke/StringConcatFactory",
            "java/lang/runtime/ObjectMethods", "java/lang/runtime/SwitchBootstraps");

    /**
     * The bootstrap methods of the dynamic constants javac emits (enum constants in pattern switches).
     * No Java source can write a dynamic constant itself; their arguments are checked all the same.
     */
    static final Set<String> JAVAC_CONSTANT_BOOTSTRAPS = Set.of("java/lang/invoke/ConstantBootstraps");

    /** Classes whose constructors taking a {@code String} first open that file. */
    private static final Set<String> FILE_NAME_CONSTRUCTORS = Set.of(
            "java/io/PrintWriter", "java/io/PrintStream", "java/util/Formatter");

    /** What {@code java.lang.Class} offers that reaches no further than the class itself. */
    private static final Set<String> HARMLESS_CLASS_METHODS = Set.of(
            "getName", "getSimpleName", "getTypeName", "getCanonicalName", "getPackageName", "isInstance", "cast",
            "isAssignableFrom", "isArray", "isInterface", "isRecord", "isEnum", "isPrimitive", "getComponentType",
            "arrayType", "componentType", "desiredAssertionStatus", "hashCode", "equals", "toString");

    private record Rule(String owner, boolean prefix, Set<String> members, String why) {
        boolean matches(String type, String member) {
            boolean ownerMatches = prefix ? type.startsWith(owner) : type.equals(owner);
            return ownerMatches && (members.isEmpty() || (member != null && members.contains(member)));
        }
    }

    private static final String REFLECTION = "reflection reaches into the grader's own classes";
    private static final String FILES = "exercises work in memory; files are the grader's";
    private static final String JVM = "it would change the test JVM the grader relies on";
    private static final String PROCESSES = "exercises may not start or control processes";
    private static final String NETWORK = "exercises may not use the network";
    private static final String NATIVE = "native code escapes every check";
    private static final String SERIALIZATION = "serialization runs code of any class and is not part of any exercise";
    private static final String HARNESS = "those classes belong to the grader and its tests";

    private static final List<Rule> DENIED = List.of(
            new Rule("java/lang/reflect/", true, Set.of(), REFLECTION),
            new Rule("java/lang/invoke/", true, Set.of(), REFLECTION),
            new Rule("java/lang/ClassLoader", false, Set.of(), REFLECTION),
            new Rule("java/net/URLClassLoader", false, Set.of(), REFLECTION),
            new Rule("java/lang/Module", false, Set.of(), REFLECTION),
            new Rule("java/lang/ModuleLayer", false, Set.of(), REFLECTION),
            new Rule("java/util/ServiceLoader", false, Set.of(), REFLECTION),
            new Rule("sun/", true, Set.of(), REFLECTION),
            new Rule("jdk/internal/", true, Set.of(), REFLECTION),
            new Rule("com/sun/", true, Set.of(), REFLECTION),
            new Rule("java/lang/foreign/", true, Set.of(), NATIVE),
            new Rule("java/lang/ProcessBuilder", true, Set.of(), PROCESSES),
            new Rule("java/lang/Process", false, Set.of(), PROCESSES),
            new Rule("java/lang/ProcessHandle", true, Set.of(), PROCESSES),
            new Rule("java/lang/Runtime", false, Set.of("exec", "exit", "halt", "addShutdownHook", "removeShutdownHook",
                    "load", "loadLibrary"), JVM),
            new Rule("java/lang/System", false, Set.of("exit", "setOut", "setErr", "setIn", "setProperty", "setProperties",
                    "clearProperty", "getenv", "load", "loadLibrary", "mapLibraryName", "setSecurityManager", "console",
                    "inheritedChannel", "getProperties"), JVM),
            new Rule("java/lang/Thread", false, Set.of("getAllStackTraces", "setDefaultUncaughtExceptionHandler", "stop",
                    "suspend", "resume", "getThreadGroup", "enumerate", "getContextClassLoader", "setContextClassLoader"), JVM),
            new Rule("java/lang/ThreadGroup", false, Set.of(), JVM),
            new Rule("java/lang/management/", true, Set.of(), JVM),
            new Rule("javax/management/", true, Set.of(), JVM),
            new Rule("java/lang/instrument/", true, Set.of(), JVM),
            new Rule("java/io/File", true, Set.of(), FILES),
            new Rule("java/io/RandomAccessFile", false, Set.of(), FILES),
            new Rule("java/io/Console", false, Set.of(), FILES),
            new Rule("java/io/ObjectInputStream", false, Set.of(), SERIALIZATION),
            new Rule("java/io/ObjectOutputStream", false, Set.of(), SERIALIZATION),
            new Rule("java/io/Serializable", false, Set.of(), SERIALIZATION),
            new Rule("java/io/Externalizable", false, Set.of(), SERIALIZATION),
            new Rule("java/io/ObjectStream", true, Set.of(), SERIALIZATION),
            new Rule("java/util/zip/ZipFile", false, Set.of(), FILES),
            new Rule("java/util/jar/JarFile", false, Set.of(), FILES),
            new Rule("java/util/logging/FileHandler", false, Set.of(), FILES),
            new Rule("java/awt/", true, Set.of(), "exercises have no screen, and the desktop opens other programs"),
            new Rule("java/nio/file/", true, Set.of(), FILES),
            new Rule("java/nio/channels/", true, Set.of(), FILES),
            new Rule("java/net/", true, Set.of(), NETWORK),
            new Rule("javax/net/", true, Set.of(), NETWORK),
            new Rule("java/rmi/", true, Set.of(), NETWORK),
            new Rule("javax/naming/", true, Set.of(), NETWORK),
            new Rule("javax/script/", true, Set.of(), REFLECTION),
            new Rule("javax/tools/", true, Set.of(), REFLECTION),
            new Rule("java/util/prefs/", true, Set.of(), FILES),
            new Rule("org/junit/", true, Set.of(), HARNESS),
            new Rule("org/opentest4j/", true, Set.of(), HARNESS),
            new Rule("org/assertj/", true, Set.of(), HARNESS),
            new Rule("org/awaitility/", true, Set.of(), HARNESS),
            new Rule("lockstep/", true, Set.of(), HARNESS));

    private Rules() {}

    /**
     * Why {@code member} of {@code type} (internal name; member null for the type itself) is denied,
     * or empty when it is allowed.
     */
    static Optional<String> denied(String type, String member, List<String> allowed) {
        if (type.startsWith("[")) {
            return Optional.empty();
        }
        for (String prefix : allowed) {
            if (type.startsWith(prefix)) {
                return Optional.empty();
            }
        }
        if (type.equals("java/lang/Class")) {
            return member == null || HARMLESS_CLASS_METHODS.contains(member) ? Optional.empty() : Optional.of(REFLECTION);
        }
        if (type.endsWith("Exception") && (type.startsWith("java/") || type.startsWith("javax/"))) {
            return Optional.empty(); // catching or throwing a JDK exception reaches nothing
        }
        return DENIED.stream().filter(r -> r.matches(type, member)).map(Rule::why).findFirst();
    }

    /**
     * Why using {@code member} of {@code owner} with {@code descriptor} (may be null) is denied, or empty
     * when it is allowed; the types in the descriptor are judged on their own by the caller.
     */
    static Optional<String> deniedMember(String owner, String member, String descriptor, List<String> allowed) {
        if ("<init>".equals(member) && descriptor != null && descriptor.startsWith("(Ljava/lang/String;")
                && FILE_NAME_CONSTRUCTORS.contains(owner)) {
            return Optional.of(FILES);
        }
        return denied(owner, member, allowed);
    }

    /** Why a native method is denied. */
    static String nativeMethods() {
        return NATIVE;
    }
}
