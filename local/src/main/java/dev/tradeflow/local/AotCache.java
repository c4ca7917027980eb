package dev.tradeflow.local;

import dev.tradeflow.events.Function;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How a function's JVM uses its AOT cache (JDK 25: classes loaded and linked, and method profiles,
 * from a training run; JEPs 483, 514 and 515). The cache lies beside the function's jar, where
 * Quarkus keeps one ({@code target/quarkus-app/app.aot}); {@link AotTraining} records it.
 */
enum AotCache {
  /** The JVM's default: no cache. */
  OFF,
  /** Start from the cache if there is one newer than the jar (else as {@link #OFF}). */
  USE,
  /** Record one: at exit, the JVM writes the cache of what this run loaded and profiled. */
  RECORD;

  /** The JDK release that records a cache in one run ({@code -XX:AOTCacheOutput}). */
  static final int FIRST_RELEASE = 25;

  /** The options for {@code function}'s JVM; none for a JDK before {@link #FIRST_RELEASE}. */
  List<String> jvmOptions(Path repo, Function function) {
    if (!supported()) {
      return List.of();
    }
    return switch (this) {
      case OFF -> List.of();
      case USE ->
          fresh(repo, function) ? List.of("-XX:AOTCache=" + file(repo, function)) : List.of();
      case RECORD -> List.of("-XX:AOTCacheOutput=" + file(repo, function));
    };
  }

  /** Whether the functions run on a JDK that has AOT caches (the one this tool runs on). */
  static boolean supported() {
    return Runtime.version().feature() >= FIRST_RELEASE;
  }

  static Path file(Path repo, Function function) {
    return FunctionProcess.jarOf(repo, function).resolveSibling("app.aot");
  }

  /**
   * A cache recorded after the jar was built. The JVM would pass over a cache of another build
   * (every build rewrites the jar), so such a cache is recorded again.
   */
  static boolean fresh(Path repo, Function function) {
    Path cache = file(repo, function);
    Path jar = FunctionProcess.jarOf(repo, function);
    try {
      return Files.isRegularFile(cache)
          && Files.isRegularFile(jar)
          && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether every function has a fresh cache. */
  static boolean allFresh(Path repo) {
    return java.util.Arrays.stream(Function.values()).allMatch(f -> fresh(repo, f));
  }
}
