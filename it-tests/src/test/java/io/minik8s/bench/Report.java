package io.minik8s.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of a run, printed as one table at the end (and each as it is measured). */
final class Report {
  /** One figure: which benchmark, what was measured, the value, and its baseline comparison. */
  record Row(String benchmark, String figure, String value, String comparison) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final PrintStream progress;

  Report(PrintStream progress) {
    this.progress = progress;
  }

  void add(String benchmark, String figure, String value, String comparison) {
    Row row = new Row(benchmark, figure, value, comparison);
    rows.add(row);
    progress.printf("[bench] %s: %s = %s %s%n", benchmark, figure, value, comparison);
  }

  void note(String note) {
    notes.add(note);
    progress.println("[bench] note: " + note);
  }

  void progress(String message) {
    progress.println("[bench] " + message);
  }

  void print(PrintStream out, String title) {
    int b = "benchmark".length();
    int f = "figure".length();
    int v = "value".length();
    for (Row row : rows) {
      b = Math.max(b, row.benchmark().length());
      f = Math.max(f, row.figure().length());
      v = Math.max(v, row.value().length());
    }
    String format = "| %-" + b + "s | %-" + f + "s | %" + v + "s | %s%n";
    out.println();
    out.println(title);
    out.printf(format, "benchmark", "figure", "value", "vs baseline");
    out.printf(format, "-".repeat(b), "-".repeat(f), "-".repeat(v), "---");
    for (Row row : rows) {
      out.printf(format, row.benchmark(), row.figure(), row.value(), row.comparison());
    }
    for (String note : notes) {
      out.println("note: " + note);
    }
    out.println();
  }

  static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%,.0f/s", perSecond);
  }

  static String millis(double ms) {
    return String.format(Locale.ROOT, "%.1f ms", ms);
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }
}
