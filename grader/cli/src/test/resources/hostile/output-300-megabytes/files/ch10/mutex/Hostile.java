package ch10.mutex;


/** The attack of this case, called first by Counter.countConcurrently. */
final class Hostile {
    private Hostile() {
    }

    static void strike(int threads) throws InterruptedException {
        if (threads < 0) {
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 300 * 16; i++) {
                System.out.write(chunk, 0, chunk.length);
            }
            System.out.flush();
        }
    }
}
