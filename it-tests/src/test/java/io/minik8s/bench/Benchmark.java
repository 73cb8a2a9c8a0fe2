package io.minik8s.bench;

/** One named benchmark; it adds its figures to the context's report and asserts nothing. */
interface Benchmark {
  /** The name that {@code -Dbench=} selects it by. */
  String name();

  void run(BenchContext context) throws Exception;
}
