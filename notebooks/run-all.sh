#!/usr/bin/env bash
# Executes every notebook in place with the project's Java kernel and fails on the first cell error.
#   notebooks/run-all.sh               build what is missing, then run all notebooks
#   notebooks/run-all.sh 02-*.ipynb    run only the named notebooks
#   notebooks/run-all.sh --build-only  only build the jars and fetch the kernel jar
# Needs Java 17, Maven, and Jupyter's nbconvert (Debian: jupyter-nbconvert jupyter-client jupyter-core
# python3-nbclient python3-nbformat). The kernel jar comes from Maven Central at build time; the
# notebooks themselves download nothing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

KERNEL_ARTIFACT="io.github.padreati:rapaio-jupyter-kernel:3.0.1"
kernel_jar="$here/target/kernel/rapaio-jupyter-kernel-3.0.1.jar"
cli_jar="$root/cli/target/florets-cli.jar"
# Every notebook run by CI, in order.
NOTEBOOKS=(
  01-sensor-windows.ipynb
  02-batch-labeling.ipynb
  03-data-engine-and-adaptation.ipynb
  04-images.ipynb
)

needs_build() {
  [ -f "$cli_jar" ] || return 0
  [ -n "$(find "$root" -path "$root/notebooks" -prune -o \
      \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$cli_jar" -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "notebooks: building the project's jars" >&2
  mvn -B -q -ntp -DskipTests -Dmaven.test.skip=true package -pl cli -am
fi
if [ ! -f "$kernel_jar" ]; then
  echo "notebooks: fetching $KERNEL_ARTIFACT" >&2
  mvn -B -q -ntp -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="$KERNEL_ARTIFACT" -DoutputDirectory="$here/target/kernel"
fi
if [ "${1:-}" = "--build-only" ]; then
  exit 0
fi
if [ $# -gt 0 ]; then
  NOTEBOOKS=("$@")
fi

command -v jupyter >/dev/null 2>&1 || {
  echo "notebooks: 'jupyter' not found; install jupyter-nbconvert jupyter-client jupyter-core python3-nbclient python3-nbformat (Debian)" >&2
  exit 1
}
export JUPYTER_PATH="$here${JUPYTER_PATH:+:$JUPYTER_PATH}"
export FLORETS_KERNEL_LOG="$here/target/kernel.log"
: >"$FLORETS_KERNEL_LOG"
trap 'echo "notebooks: FAILED; the kernel log is $FLORETS_KERNEL_LOG" >&2' ERR
cd "$here"
total_start=$(date +%s)
for nb in "${NOTEBOOKS[@]}"; do
  nb="$(basename "$nb")"
  start=$(date +%s)
  echo "notebooks: executing $nb" >&2
  # The kernel can miss Jupyter's start-up handshake (a late heartbeat reads as "died", and now and
  # then a kernel that bound its sockets never answers, also on an idle machine); that, and only
  # that, is retried, up to six times. A failing cell is never retried.
  for attempt in 1 2 3 4 5 6; do
    if jupyter nbconvert --to notebook --execute --inplace \
        --ExecutePreprocessor.kernel_name=florets-java \
        --ExecutePreprocessor.record_timing=False \
        --ExecutePreprocessor.startup_timeout=60 \
        --ExecutePreprocessor.timeout="${NOTEBOOK_CELL_TIMEOUT:-600}" \
        "$nb" 2> >(tee "$here/target/nbconvert.err" >&2); then
      break
    fi
    sleep 1
    if [ "$attempt" -lt 6 ] && grep -q -e "Kernel died before replying to kernel_info" \
        -e "Kernel didn't respond in" "$here/target/nbconvert.err"; then
      echo "notebooks: the kernel did not start cleanly; retrying $nb" >&2
      continue
    fi
    false
  done
  echo "notebooks: $nb ok in $(( $(date +%s) - start )) s" >&2
done
echo "notebooks: all ${#NOTEBOOKS[@]} notebooks ok in $(( $(date +%s) - total_start )) s" >&2
