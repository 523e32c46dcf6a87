package lockstep.engine.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** {@link Policy} that reads class files with ASM, instruction by instruction, with line numbers. */
final class AsmPolicy implements Policy {
    private static final int API = Opcodes.ASM9;
    private static final int MAX_VIOLATIONS = 20;

    @Override
    public PolicyResult check(Path classes, Set<String> courseClasses, List<String> allowed) {
        List<Violation> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                name = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                if (!courseClasses.contains(outer)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        new ClassReader(in).accept(new Checker(allowed, found), 0);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled classes in " + classes, e);
        }
        return new PolicyResult(found.size() > MAX_VIOLATIONS ? found.subList(0, MAX_VIOLATIONS) : found);
    }

    /** Visits one class and adds what it may not use. */
    private static final class Checker extends ClassVisitor {
        private final List<String> allowed;
        private final List<Violation> found;
        private String source = "?";
        private int line;

        Checker(List<String> allowed, List<Violation> found) {
            super(API);
            this.allowed = allowed;
            this.found = found;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            source = name.substring(name.lastIndexOf('/') + 1).replaceFirst("\\$.*", "") + ".java";
            if (superName != null) {
                type(superName);
            }
            for (String i : interfaces) {
                type(i);
            }
        }

        @Override
        public void visitSource(String file, String debug) {
            if (file != null) {
                source = file;
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            line = 0;
            if ((access & Opcodes.ACC_NATIVE) != 0) {
                found.add(new Violation(source, 0, "a native method " + name, Rules.nativeMethods()));
            }
            return new MethodVisitor(API) {
                @Override
                public void visitLineNumber(int number, Label start) {
                    line = number;
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                    member(owner, name);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                    member(owner, name);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(type);
                }

                @Override
                public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
                    constant(Type.getType(descriptor));
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(value);
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                    if (!Rules.JAVAC_BOOTSTRAPS.contains(bootstrap.getOwner())) {
                        handle(bootstrap);
                    }
                    for (Object argument : arguments) {
                        constant(argument);
                    }
                }
            };
        }

        private void constant(Object value) {
            switch (value) {
                case Type t when t.getSort() == Type.OBJECT -> type(t.getInternalName());
                case Type t when t.getSort() == Type.ARRAY -> constant(t.getElementType());
                case Handle h -> handle(h);
                case ConstantDynamic c -> {
                    handle(c.getBootstrapMethod());
                    for (int i = 0; i < c.getBootstrapMethodArgumentCount(); i++) {
                        constant(c.getBootstrapMethodArgument(i));
                    }
                }
                default -> {
                    // numbers, strings, method types: nothing to reach
                }
            }
        }

        private void handle(Handle handle) {
            member(handle.getOwner(), handle.getName());
        }

        private void type(String internalName) {
            Rules.denied(internalName, null, allowed)
                    .ifPresent(why -> add(internalName.replace('/', '.'), why));
        }

        private void member(String owner, String name) {
            Rules.denied(owner, name, allowed)
                    .ifPresent(why -> add(owner.replace('/', '.') + "." + name, why));
        }

        private void add(String api, String why) {
            Violation violation = new Violation(source, line, api, why);
            if (!found.contains(violation)) {
                found.add(violation);
            }
        }
    }
}
