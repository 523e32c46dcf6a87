package lockstep.engine.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/**
 * Visits one learner class: its name must be in the exercise's package, and everything it refers
 * to (supertypes, fields, methods, code, constants, bootstrap arguments, annotations, generic
 * signatures) is handed to {@link References}. The InnerClasses attribute is not: javac lists there
 * any nested JDK type it merely mentions, such as the {@code MethodHandles.Lookup} of every lambda.
 */
final class ClassChecker extends ClassVisitor {
    private static final String PACKAGE = "classes must be in the exercise's package ";
    private final String packagePath;
    private final References refs;

    ClassChecker(String packagePath, List<String> allowed, List<Violation> found) {
        super(AsmPolicy.API);
        this.packagePath = packagePath;
        this.refs = new References(allowed, found);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        int slash = name.lastIndexOf('/');
        String simple = name.substring(slash + 1);
        refs.source(simple.replaceFirst("\\$.*", "") + ".java");
        String pkg = slash < 0 ? "" : name.substring(0, slash);
        String expected = packagePath.replace('/', '.');
        if ((access & Opcodes.ACC_MODULE) != 0 || simple.equals("module-info")) {
            refs.source("module-info.java");
            refs.add("a module declaration", "module-info is never put on the class path; " + PACKAGE + expected);
        } else if (!pkg.equals(packagePath)) {
            refs.add(pkg.isEmpty() ? "no package" : "package " + pkg.replace('/', '.'), PACKAGE + expected);
        }
        if (superName != null) {
            refs.type(superName);
        }
        for (String i : interfaces) {
            refs.type(i);
        }
        refs.classSignature(signature);
    }

    @Override
    public void visitSource(String file, String debug) {
        if (file != null) {
            refs.source(file);
        }
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return annotation(descriptor);
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
        return annotation(descriptor);
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
        refs.line(0);
        refs.signature(descriptor);
        refs.signature(signature);
        return new RecordComponentVisitor(AsmPolicy.API) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                return annotation(annotation);
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation, boolean visible) {
                return annotation(annotation);
            }
        };
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        refs.line(0);
        refs.signature(descriptor);
        refs.signature(signature);
        return new FieldVisitor(AsmPolicy.API) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                return annotation(annotation);
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation, boolean visible) {
                return annotation(annotation);
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        refs.line(0);
        if ((access & Opcodes.ACC_NATIVE) != 0) {
            refs.add("a native method " + name, Rules.nativeMethods());
        }
        refs.signature(descriptor);
        refs.signature(signature);
        if (exceptions != null) {
            for (String e : exceptions) {
                refs.type(e);
            }
        }
        return new CodeChecker();
    }

    /** An annotation: its type, and the classes and enums its values name. */
    private AnnotationVisitor annotation(String descriptor) {
        refs.signature(descriptor);
        return new AnnotationVisitor(AsmPolicy.API) {
            @Override
            public void visit(String name, Object value) {
                refs.constant(value);
            }

            @Override
            public void visitEnum(String name, String enumDescriptor, String value) {
                refs.signature(enumDescriptor);
            }

            @Override
            public AnnotationVisitor visitAnnotation(String name, String nested) {
                return annotation(nested);
            }

            @Override
            public AnnotationVisitor visitArray(String name) {
                return this;
            }
        };
    }

    /** A method's code, instruction by instruction, keeping the source line. */
    private final class CodeChecker extends MethodVisitor {
        /** Caught types by handler: ASM reports them before the code, so they are checked where the handler starts. */
        private final Map<Label, List<String>> handlers = new HashMap<>();
        private final List<String> pendingCatches = new ArrayList<>();

        CodeChecker() {
            super(AsmPolicy.API);
        }

        @Override
        public void visitLabel(Label label) {
            List<String> caught = handlers.remove(label);
            if (caught != null) {
                pendingCatches.addAll(caught);
            }
        }

        @Override
        public void visitLineNumber(int number, Label start) {
            refs.line(number);
            flushCatches();
        }

        @Override
        public void visitEnd() {
            flushCatches();
            handlers.values().forEach(types -> types.forEach(refs::type));
        }

        private void flushCatches() {
            pendingCatches.forEach(refs::type);
            pendingCatches.clear();
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitAnnotationDefault() {
            return annotation("Ljava/lang/Object;");
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start, Label[] end,
                int[] index, String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
                handlers.computeIfAbsent(handler, h -> new ArrayList<>()).add(type); // a multi-catch shares its handler
            }
        }

        @Override
        public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end, int index) {
            refs.signature(descriptor);
            refs.signature(signature);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (owner.startsWith("[")) {
                refs.constant(Type.getObjectType(owner)); // e.g. File[].clone()
            } else {
                refs.member(owner, name, descriptor);
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            refs.member(owner, name, descriptor);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            refs.constant(Type.getObjectType(type));
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            refs.constant(Type.getType(descriptor));
        }

        @Override
        public void visitLdcInsn(Object value) {
            refs.constant(value);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            if (!Rules.JAVAC_BOOTSTRAPS.contains(bootstrap.getOwner())) {
                refs.constant(bootstrap);
            }
            refs.signature(descriptor);
            for (Object argument : arguments) {
                refs.constant(argument);
            }
        }
    }
}
