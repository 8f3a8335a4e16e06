#!/usr/bin/env bash
# Runs the whole benchmark set and writes one JSON file of figures:
#   bench/results/<UTC date-time>.json   (or the path given as $1)
# with the machine, the git commit, every JMH benchmark of bench/target/benchmarks.jar, and the JSON
# printed by `florets eval ucr` (shared UCR data, when present) and by the `florets bench` commands
# that exist. Compare two runs with:
#   java -cp bench/target/benchmarks.jar io.florets.bench.BenchReport compare OLD.json NEW.json
# Settings (environment): JMH_ARGS (default "-f 1 -wi 2 -i 3 -w 1s -r 1s"), JMH_FILTER (a regexp
# of benchmarks to run; default all), SKIP_COMMANDS=1 to run only JMH.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${1:-bench/results/$(date -u +%Y-%m-%dT%H%M%SZ).json}"
jmh_args="${JMH_ARGS:--f 1 -wi 2 -i 3 -w 1s -r 1s}"
data="${FLORETS_SHARED_DATA:-$root/../shared/data}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "bench: building benchmarks.jar and the CLI" >&2
mvn -B -q -ntp -DskipTests package -pl bench,cli -am >&2
mvn -B -q -ntp dependency:build-classpath -pl bench -DincludeArtifactIds=pytorch-native-cpu -DincludeScope=runtime \
  -Dmdep.outputFile="$tmp/native.txt" >&2
cp="bench/target/benchmarks.jar:$(cat "$tmp/native.txt")"
jvm_flags="--add-opens=java.base/java.nio=ALL-UNNAMED -Dai.djl.offline=true"

echo "bench: JMH $jmh_args ${JMH_FILTER:-}" >&2
# shellcheck disable=SC2086
java $jvm_flags -cp "$cp" org.openjdk.jmh.Main $jmh_args -jvmArgsAppend "$jvm_flags" \
  -rf json -rff "$tmp/jmh.json" ${JMH_FILTER:-} >&2

cmds=()
if [ "${SKIP_COMMANDS:-0}" != 1 ]; then
  for name in GunPoint ItalyPowerDemand ArrowHead Chinatown; do
    train="$data/ucr/$name/${name}_TRAIN.ts"
    [ -f "$train" ] || { echo "bench: no $train, skipping eval ucr $name" >&2; continue; }
    echo "bench: florets eval ucr $name" >&2
    ./florets eval ucr --train "$train" --test "$data/ucr/$name/${name}_TEST.ts" --json \
      > "$tmp/ucr-$name.json" 2>>"$tmp/stderr.txt" || echo "bench: eval ucr $name failed" >&2
    cmds+=("eval ucr $name=$tmp/ucr-$name.json")
  done
  # every `florets bench` subcommand that exists, with the settings the project's goals use
  subs="$(./florets bench --help 2>/dev/null | awk '/^Commands:/{f=1;next} f && /^  [a-z]/{print $1}')"
  for sub in $subs; do
    case "$sub" in
      help) continue ;;
      labelers) args=(--length 256 --windows 20000 --threads 2 --json) ;;
      engine) args=(--config small --json) ;;
      *) args=(--json) ;;
    esac
    echo "bench: florets bench $sub ${args[*]}" >&2
    ./florets bench "$sub" "${args[@]}" > "$tmp/bench-$sub.json" 2>>"$tmp/stderr.txt" \
      || echo "bench: florets bench $sub failed" >&2
    cmds+=("bench $sub=$tmp/bench-$sub.json")
  done
fi

commit="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
[ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] || commit="$commit+dirty"
java -cp "$cp" io.florets.bench.BenchReport write "$out" "$commit" "$tmp/jmh.json" "${cmds[@]}"
