package cn.huzhu.system;

/**
 * Runs the benchmark class {@code -Dbenchmark.run} names and ends the JVM with its outcome: a benchmark that fails
 * exits with 1 and its stack trace, where exec:java would otherwise wait for ever on the embedded Kafka's threads.
 * {@code benchmarks/run-all} starts every benchmark through it.
 */
public final class BenchmarkLauncher {

    private BenchmarkLauncher() {}

    public static void main(String[] args) {
        String benchmark = System.getProperty("benchmark.run");
        try {
            Class.forName(benchmark).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            System.err.println(benchmark + " failed:");
            e.getCause().printStackTrace();
            System.exit(1);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println(benchmark + " could not be started:");
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
