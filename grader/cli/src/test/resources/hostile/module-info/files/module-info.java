module ch10 {
    exports ch10.mutex;
    opens ch10.mutex;
    requires java.base;
}
