#!/usr/bin/env bash
# Builds the five functions as native binaries, one at a time (each build wants several GB), and
# reruns each function's tests (*FunctionIT) against its binary.
#
#   src-native-build/build-native.sh                      with GraalVM/Mandrel 25 in GRAALVM_HOME
#   src-native-build/build-native.sh --container-build    with Quarkus's Mandrel builder image (needs docker or podman)
#   SKIP_ITS=true src-native-build/build-native.sh        binaries only
set -euo pipefail
cd "$(dirname "$0")/.."
args=(-B -Pnative)
if [ "${1:-}" = "--container-build" ]; then
  args+=(-Dquarkus.native.container-build=true
         -Dquarkus.native.builder-image=quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25)
else
  : "${GRAALVM_HOME:?set GRAALVM_HOME to a GraalVM or Mandrel 25, or pass --container-build}"
  args+=(-Dquarkus.native.graalvm-home="$GRAALVM_HOME" -Dquarkus.native.container-build=false)
fi
if [ "${SKIP_ITS:-false}" = "true" ]; then
  args+=(-DskipITs=true)
fi
./mvnw -B -q install -DskipTests -pl functions -am
for function in parse validate enrich aggregate expire; do
  echo "== native: $function"
  # unit tests ran in ./tradeflow test; here only the ITs run, against the binary
  ./mvnw "${args[@]}" verify -pl "functions/$function" -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
  ls -l functions/"$function"/target/*-runner
done
