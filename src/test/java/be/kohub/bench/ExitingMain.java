package be.kohub.bench;

/**
 * Runs a benchmark's body and ends the JVM: with its stack trace and status 1 if it failed, so
 * that a failure shows even when a hub's HTTP threads would keep {@code exec:java} waiting.
 */
final class ExitingMain {
    interface Body {
        void run() throws Exception;
    }

    private ExitingMain() {}

    static void run(Body body) {
        try {
            body.run();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
