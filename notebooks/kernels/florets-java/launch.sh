#!/usr/bin/env bash
# Starts the Java kernel (rapaio-jupyter-kernel) with the project's jars on its class path.
# Jupyter calls this with the connection file; the kernel jar and the project's jars must already be
# built (notebooks/run-all.sh does it: `mvn package` and a copy of the kernel jar from Maven Central).
# Nothing is downloaded here.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
kernel_jar="$root/notebooks/target/kernel/rapaio-jupyter-kernel-3.0.1.jar"
cli_jar="$root/cli/target/florets-cli.jar"
for f in "$kernel_jar" "$cli_jar"; do
  if [ ! -f "$f" ]; then
    echo "florets kernel: $f is missing; run notebooks/run-all.sh --build-only (or notebooks/run-all.sh) first" >&2
    exit 1
  fi
done

# The kernel splits RJK_CLASSPATH on ';'.
cp="$cli_jar"
for j in "$root"/cli/target/lib/*.jar; do
  cp="$cp;$j"
done
export RJK_CLASSPATH="$cp"
# Must be relative (to the notebook's folder, the kernel's working directory).
export RJK_MIMA_CACHE="target/mima_cache"
export RJK_COMPILER_OPTIONS="${RJK_COMPILER_OPTIONS:-}"
export RJK_TIMEOUT_MILLIS="${RJK_TIMEOUT_MILLIS:--1}"
export RJK_INIT_SCRIPT="${RJK_INIT_SCRIPT:-}"

# StartKernel.java, compiled once into target/ (the source launcher would compile it at every start).
classes="$root/notebooks/target/kernel/classes"
if [ ! -f "$classes/StartKernel.class" ] || [ "$here/StartKernel.java" -nt "$classes/StartKernel.class" ]; then
  mkdir -p "$classes"
  javac -nowarn -d "$classes" -cp "$kernel_jar" "$here/StartKernel.java" >&2
fi

# run-all.sh sends the kernel's own chatter (class path listing, message log) to a file.
if [ -n "${FLORETS_KERNEL_LOG:-}" ]; then
  exec >>"$FLORETS_KERNEL_LOG" 2>&1
fi
exec java --add-opens=java.base/java.nio=ALL-UNNAMED -Dai.djl.offline=true \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl=error -Djava.awt.headless=true \
  -Dflorets.home="$root" ${FLORETS_KERNEL_JAVA_OPTS:-} \
  -cp "$kernel_jar:$classes" StartKernel "$1"
