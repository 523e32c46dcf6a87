package lockstep.engine.policy;

import java.util.List;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * Where one class's references are judged: a type named anywhere against the few families refused by
 * name, a member on the JDK class that declares it ({@link Hierarchy}), a {@code Lookup.find...} call
 * on what it finds, each against {@link Rules}. Every denied one is added, with the line being read,
 * to the violations found.
 */
final class References {
    private final String packagePath;
    private final Hierarchy hierarchy;
    private final List<String> allowed;
    private final List<Violation> found;
    private String source = "?";
    private int line;

    /**
     * @param packagePath the exercise's package in internal form, e.g. {@code ch10/spawn}
     * @param allowed API prefixes the exercise allows back, in internal form
     */
    References(String packagePath, Hierarchy hierarchy, List<String> allowed, List<Violation> found) {
        this.packagePath = packagePath;
        this.hierarchy = hierarchy;
        this.allowed = allowed;
        this.found = found;
    }

    void source(String source) {
        this.source = source;
    }

    void line(int line) {
        this.line = line;
    }

    /** A type by internal name, e.g. {@code java/io/File}: only the families refused by name are. */
    void type(String internalName) {
        Rules.named(internalName, allowed).ifPresent(denial -> add(display(internalName), denial));
    }

    /**
     * A field or method of {@code owner} (or {@code <init>}), with its descriptor, whose types count as
     * named; descriptor may be null.
     */
    void member(String owner, String name, String descriptor) {
        if (owner.startsWith("[")) {
            constant(Type.getObjectType(owner)); // e.g. File[].clone()
            return;
        }
        type(owner);
        reached(owner, name, descriptor);
        signature(descriptor);
    }

    /**
     * A {@code Lookup.find...} call (see {@link Rules#FINDS}) with the literals of its class and name
     * arguments (null where an argument is not a literal): allowed on a class of the exercise's package,
     * and then judged as the member it finds.
     */
    void find(String method, String descriptor, Object refc, Object memberName) {
        boolean constructor = method.equals("findConstructor");
        String api = display(Rules.LOOKUP) + "." + method;
        if (!(refc instanceof Type t) || t.getSort() != Type.OBJECT || (!constructor && !(memberName instanceof String))) {
            add(api, Rules.FIND_UNSEEN);
        } else if (!isExercises(t.getInternalName())) {
            add(api, Rules.FIND_ELSEWHERE);
        } else {
            reached(t.getInternalName(), constructor ? "<init>" : (String) memberName, null);
        }
        signature(descriptor);
    }

    /** What a reference to a member reaches, judged on the JDK classes that declare it. */
    private void reached(String owner, String name, String descriptor) {
        for (String type : hierarchy.judged(owner, name, descriptor)) {
            var denial = Rules.member(type, name, descriptor, allowed);
            if (denial.isPresent()) {
                add(name.equals("<init>") ? "new " + display(type) : display(type) + "." + name, denial.get());
                return;
            }
        }
    }

    /** A constant of the constant pool: a class literal, method type or handle, dynamic constant. */
    void constant(Object value) {
        switch (value) {
            case Type t when t.getSort() == Type.OBJECT -> type(t.getInternalName());
            case Type t when t.getSort() == Type.ARRAY -> constant(t.getElementType());
            case Type t when t.getSort() == Type.METHOD -> signature(t.getDescriptor());
            case Handle h -> member(h.getOwner(), h.getName(), h.getDesc());
            case ConstantDynamic c -> {
                Handle bootstrap = c.getBootstrapMethod();
                if (!Rules.JAVAC_CONSTANT_BOOTSTRAP.equals(bootstrap.getOwner() + "." + bootstrap.getName())) {
                    add(display(bootstrap.getOwner()) + "." + bootstrap.getName(), Rules.BOOTSTRAP);
                }
                signature(c.getDescriptor());
                for (int i = 0; i < c.getBootstrapMethodArgumentCount(); i++) {
                    constant(c.getBootstrapMethodArgument(i));
                }
            }
            default -> {
                // numbers and strings reach nothing
            }
        }
    }

    /** An invokedynamic call site: its bootstrap must be one of javac's; its arguments are constants. */
    void callSite(String descriptor, Handle bootstrap, Object... arguments) {
        if (!Rules.JAVAC_BOOTSTRAPS.contains(bootstrap.getOwner())) {
            add(display(bootstrap.getOwner()) + "." + bootstrap.getName(), Rules.BOOTSTRAP);
        }
        signature(descriptor);
        for (Object argument : arguments) {
            constant(argument);
        }
    }

    /** Every class named in a descriptor or generic signature; null is nothing. */
    void signature(String signature) {
        if (signature == null) {
            return;
        }
        SignatureVisitor collector = collector();
        if (signature.startsWith("(") || signature.startsWith("<")) {
            new SignatureReader(signature).accept(collector);
        } else {
            new SignatureReader(signature).acceptType(collector);
        }
    }

    /** Every class named in a class's generic signature (type parameters, superclass, interfaces); null is nothing. */
    void classSignature(String signature) {
        if (signature != null) {
            new SignatureReader(signature).accept(collector());
        }
    }

    private SignatureVisitor collector() {
        return new SignatureVisitor(AsmPolicy.API) {
            @Override
            public void visitClassType(String name) {
                type(name);
            }
        };
    }

    /** Whether {@code type} is a class of the exercise's package itself (not a subpackage). */
    private boolean isExercises(String type) {
        int slash = type.lastIndexOf('/');
        return slash > 0 && type.substring(0, slash).equals(packagePath);
    }

    /** A violation. */
    void add(String api, Rules.Denial denial) {
        Violation violation = new Violation(source, line, api, denial.why(), denial.instead());
        if (!found.contains(violation)) {
            found.add(violation);
        }
    }

    /** A type as the learner writes it: {@code java.lang.invoke.MethodHandles.Lookup}. */
    private static String display(String internalName) {
        return internalName.replace('/', '.').replace('$', '.');
    }
}
