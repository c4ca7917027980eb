package dev.tradeflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.events.Function;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

  @TempDir Path repo;
  private Path jar;
  private Path cache;

  @BeforeEach
  void aPackagedFunction() throws Exception {
    jar = repo.resolve("functions/validate/target/quarkus-app/quarkus-run.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "jar");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-02T08:00:00Z")));
    cache = jar.resolveSibling("app.aot");
  }

  @Test
  void recordingNamesTheCacheToWriteAtExitBesideTheJarAsQuarkusKeepsIt() {
    assertThat(AotCache.RECORD.jvmOptions(repo, Function.VALIDATE))
        .containsExactly("-XX:AOTCacheOutput=" + AotCache.file(repo, Function.VALIDATE))
        .containsExactly("-XX:AOTCacheOutput=" + cache);
  }

  @Test
  void aCacheRecordedAfterTheBuildIsUsed() throws Exception {
    recordedAt("2026-12-02T08:05:00Z");
    assertThat(AotCache.fresh(repo, Function.VALIDATE)).isTrue();
    assertThat(AotCache.USE.jvmOptions(repo, Function.VALIDATE))
        .containsExactly("-XX:AOTCache=" + cache);
  }

  @Test
  void aCacheOfAnEarlierBuildIsNot() throws Exception {
    recordedAt("2026-12-02T07:55:00Z");
    assertThat(AotCache.fresh(repo, Function.VALIDATE)).isFalse();
    assertThat(AotCache.USE.jvmOptions(repo, Function.VALIDATE)).isEmpty();
  }

  @Test
  void noCacheMeansTheJvmsDefault() throws Exception {
    assertThat(AotCache.USE.jvmOptions(repo, Function.VALIDATE)).isEmpty();
    recordedAt("2026-12-02T08:05:00Z");
    assertThat(AotCache.OFF.jvmOptions(repo, Function.VALIDATE)).isEmpty();
  }

  @Test
  void everyFunctionNeedsAFreshCacheBeforeTheTrainingIsSkipped() throws Exception {
    recordedAt("2026-12-02T08:05:00Z");
    assertThat(AotCache.allFresh(repo)).isFalse(); // only validate has one
  }

  private void recordedAt(String instant) throws Exception {
    Files.writeString(cache, "cache");
    Files.setLastModifiedTime(cache, FileTime.from(Instant.parse(instant)));
  }
}
