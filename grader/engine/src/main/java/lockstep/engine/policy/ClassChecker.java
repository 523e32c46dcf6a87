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
 * signatures) is handed to {@link References}, each call with the literals of its arguments where a
 * {@code Lookup.find...} needs them ({@link Literals}). The InnerClasses attribute is not: javac lists
 * there any nested JDK type it merely mentions, such as the {@code MethodHandles.Lookup} of every
 * lambda.
 *
 * <p>The package rule has a layer behind it too: a class on the class path in a package of a named
 * module (the runner's, the testkit's, a suite's) is never loaded, since the module owns that
 * package (layer 3).
 */
final class ClassChecker extends ClassVisitor {
    private final String packagePath;
    private final References refs;
    private String className;

    /** Reads the class with {@link org.objectweb.asm.ClassReader#EXPAND_FRAMES}: {@link Literals} needs them. */
    ClassChecker(String packagePath, References refs) {
        super(AsmPolicy.API);
        this.packagePath = packagePath;
        this.refs = refs;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        className = name;
        int slash = name.lastIndexOf('/');
        String simple = name.substring(slash + 1);
        refs.source(simple.replaceFirst("\\$.*", "") + ".java");
        String pkg = slash < 0 ? "" : name.substring(0, slash);
        String expected = packagePath.replace('/', '.');
        Rules.Denial outside = new Rules.Denial("classes must be in the exercise's package " + expected,
                "start the file with: package " + expected + ";");
        if ((access & Opcodes.ACC_MODULE) != 0 || simple.equals("module-info")) {
            refs.source("module-info.java");
            refs.add("a module declaration", new Rules.Denial("module-info is never put on the class path; "
                    + outside.why(), "remove module-info.java"));
        } else if (!pkg.equals(packagePath)) {
            refs.add(pkg.isEmpty() ? "no package" : "package " + pkg.replace('/', '.'), outside);
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
        return new CodeChecker(new Literals(className, access, name, descriptor));
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

    /**
     * A method's code, instruction by instruction, keeping the source line; every instruction goes on to
     * {@link Literals}, which follows the operand stack.
     */
    private final class CodeChecker extends MethodVisitor {
        /** Caught types by handler: ASM reports them before the code, so they are checked where the handler starts. */
        private final Map<Label, List<String>> handlers = new HashMap<>();
        private final List<String> pendingCatches = new ArrayList<>();
        private final Literals literals;

        CodeChecker(Literals literals) {
            super(AsmPolicy.API, literals);
            this.literals = literals;
        }

        @Override
        public void visitLabel(Label label) {
            List<String> caught = handlers.remove(label);
            if (caught != null) {
                pendingCatches.addAll(caught);
            }
            super.visitLabel(label);
        }

        @Override
        public void visitLineNumber(int number, Label start) {
            refs.line(number);
            flushCatches();
            super.visitLineNumber(number, start);
        }

        @Override
        public void visitEnd() {
            flushCatches();
            handlers.values().forEach(types -> types.forEach(refs::type));
            super.visitEnd();
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
            super.visitTryCatchBlock(start, end, handler, type);
        }

        @Override
        public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end, int index) {
            refs.signature(descriptor);
            refs.signature(signature);
            super.visitLocalVariable(name, descriptor, signature, start, end, index);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (owner.equals(Rules.LOOKUP) && Rules.FINDS.contains(name)) {
                refs.find(name, descriptor, literals.argument(descriptor, 0), literals.argument(descriptor, 1));
            } else {
                refs.member(owner, name, descriptor);
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            refs.member(owner, name, descriptor);
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            refs.constant(Type.getObjectType(type));
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            refs.constant(Type.getType(descriptor));
            super.visitMultiANewArrayInsn(descriptor, dimensions);
        }

        @Override
        public void visitLdcInsn(Object value) {
            refs.constant(value);
            super.visitLdcInsn(value);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            refs.callSite(descriptor, bootstrap, arguments);
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        }
    }
}
