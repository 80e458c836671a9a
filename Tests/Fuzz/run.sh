#!/usr/bin/env bash
# Builds and runs one libFuzzer target over the ResoDiff library.
#
#   Tests/Fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
#
# TARGET is `parser` (ParserFuzz.swift: bytes -> decode -> parse) or
# `pipeline` (PipelineFuzz.swift: two documents -> compare -> every renderer).
# The library sources and the target are compiled as one module (ResoDiff)
# with -sanitize=fuzzer,address, so the target reaches internal API without
# an import. The seed corpus (Samples/, test fixtures, known crashers) is
# copied into a scratch directory, $FUZZ_WORK (default /tmp/resodiff-fuzz),
# which also keeps the growing corpus between runs; nothing there is
# committed. Crashing, leaking or hanging inputs land in Tests/Fuzz/crashers/.
#
# To replay one input without fuzzing: Tests/Fuzz/run.sh parser 0 path/to/input
# (libFuzzer runs the files it is given once each when -runs is not set).
set -euo pipefail

usage() { echo "usage: $0 parser|pipeline SECONDS [libFuzzer flags or input files...]" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
target=$1 seconds=$2
shift 2
case $target in
    parser) source_file=ParserFuzz.swift ;;
    pipeline) source_file=PipelineFuzz.swift ;;
    *) usage ;;
esac
[[ $seconds =~ ^[0-9]+$ ]] || usage

root=$(cd "$(dirname "$0")/../.." && pwd)
work=${FUZZ_WORK:-/tmp/resodiff-fuzz}/$target
crashers=$root/Tests/Fuzz/crashers
mkdir -p "$work/corpus" "$work/seeds" "$crashers"

binary=$work/fuzz-$target
sources=$(find "$root/Sources/ResoDiff" -name '*.swift' | sort)
# Rebuild when the target, the script or any library source is newer than the binary.
if [[ ! -x $binary ]] || [[ -n $(find "$root/Sources/ResoDiff" "$root/Tests/Fuzz" -name '*.swift' -newer "$binary" -o -name run.sh -newer "$binary") ]]; then
    echo "building $binary" >&2
    # shellcheck disable=SC2086
    (cd "$work" && swiftc -sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 -wmo -use-ld=lld \
        -module-name ResoDiff -package-name resodiff $sources "$root/Tests/Fuzz/$source_file" -o "$binary")
fi

# Seeds: every sample and fixture; for the pipeline, pairs of them joined by a NUL.
rm -f "$work/seeds"/*
documents=("$root"/Samples/*.txt "$root"/Tests/ResoDiffTests/Fixtures/*.txt)
n=0
for old in "${documents[@]}"; do
    if [[ $target == parser ]]; then
        cp "$old" "$work/seeds/doc-$n"
    else
        for new in "${documents[@]}"; do
            { cat "$old"; printf '\0'; cat "$new"; } > "$work/seeds/pair-$n"
            n=$((n + 1))
        done
    fi
    n=$((n + 1))
done
# Known crashers of this target stay in the corpus as regressions.
for c in "$crashers"/"$target"-*; do if [[ -f $c ]]; then cp "$c" "$work/seeds/"; fi; done

# The Swift runtime's own crash backtracer confuses ASan's report; libFuzzer prints the stack.
export SWIFT_BACKTRACE=enable=no

# Files given after the flags are replayed once each instead of fuzzing.
for arg in "$@"; do
    if [[ -f $arg ]]; then exec "$binary" -rss_limit_mb=2048 -timeout=10 "$@"; fi
done

exec "$binary" "$work/corpus" "$work/seeds" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashers/$target-" -print_final_stats=1 -use_value_profile=1 "$@"
