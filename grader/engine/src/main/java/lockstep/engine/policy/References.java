package lockstep.engine.policy;

import java.util.List;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * Where one class's references are judged: each type, member, constant, descriptor or signature is
 * checked against {@link Rules} and every denied one is added, with the line being read, to the
 * violations found.
 */
final class References {
    private final List<String> allowed;
    private final List<Violation> found;
    private String source = "?";
    private int line;

    References(List<String> allowed, List<Violation> found) {
        this.allowed = allowed;
        this.found = found;
    }

    void source(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    void line(int line) {
        this.line = line;
    }

    /** A type by internal name, e.g. {@code java/io/File}. */
    void type(String internalName) {
        Rules.denied(internalName, null, allowed).ifPresent(why -> add(internalName.replace('/', '.'), why));
    }

    /** A field or method of {@code owner}, with its descriptor (whose types count too); descriptor may be null. */
    void member(String owner, String name, String descriptor) {
        String type = owner.replace('/', '.');
        Rules.deniedMember(owner, name, descriptor, allowed)
                .filter(why -> !found.contains(new Violation(source, line, type, why))) // new X() is named once
                .ifPresent(why -> add(type + "." + name, why));
        if (descriptor != null) {
            signature(descriptor);
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
                if (!Rules.JAVAC_CONSTANT_BOOTSTRAPS.contains(c.getBootstrapMethod().getOwner())) {
                    constant(c.getBootstrapMethod());
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

    /** Every class named in a descriptor or generic signature; null is nothing. */
    void signature(String signature) {
        if (signature == null) {
            return;
        }
        SignatureVisitor collector = new SignatureVisitor(AsmPolicy.API) {
            @Override
            public void visitClassType(String name) {
                type(name);
            }
        };
        if (signature.startsWith("(") || signature.startsWith("<")) {
            new SignatureReader(signature).accept(collector);
        } else {
            new SignatureReader(signature).acceptType(collector);
        }
    }

    /** Every class named in a class's generic signature (type parameters, superclass, interfaces); null is nothing. */
    void classSignature(String signature) {
        if (signature != null) {
            new SignatureReader(signature).accept(new SignatureVisitor(AsmPolicy.API) {
                @Override
                public void visitClassType(String name) {
                    type(name);
                }
            });
        }
    }

    /** A violation that is not about an API, e.g. a class in the wrong package. */
    void add(String api, String why) {
        Violation violation = new Violation(source, line, api, why);
        if (!found.contains(violation)) {
            found.add(violation);
        }
    }
}
