#!/usr/bin/env bash
# Benchmarks resodiff against its peers and checks the performance targets.
#
# Usage: Benchmarks/run.sh [--quick] [--runs N] [--workloads LIST] [--difflib-timeout S]
#                          [--corpora-only]
#
#   --quick              the sample pair and the 300 compilation only, 3 runs
#   --runs N             timed runs per measurement (default 5, 3 with --quick)
#   --workloads LIST     comma-separated, from: sample,c300,c300p,c300b,c1000,u1000,
#                        b300,fr300,ru300,zh300
#                        (b300: batch mode, the 300 resolutions as two
#                        directories of one file each; difflib does not take directories;
#                        c300p: the 300 compilation again, resodiff and git only,
#                        each run after a 3 s pause, as a one-off run;
#                        c300b: the 300 compilation again, resodiff and git only,
#                        with a busy loop pinned to the last processor (taskset)
#                        while they run: a slow spell of the machine imitated;
#                        fr300, ru300, zh300: the 300 compilation in accented Latin,
#                        Cyrillic and CJK, derived word by word by translit.py,
#                        resodiff, diff and git only)
#   --difflib-timeout S  seconds after which a difflib run is abandoned and
#                        reported as "> S s" (default 300, 120 with --quick)
#   --corpora-only       only generate the selected workloads' corpora
#
# Builds resodiff in release mode, generates the corpora into
# Benchmarks/corpus/ unless they are there already (gitignored), then times
# on each workload, one after the other in the same run: resodiff (text
# report to /dev/null), diff(1), git diff --no-index --word-diff=plain, and
# Python's difflib.ndiff over paragraphs (Benchmarks/difflib_peer.py).
# Timing and peak memory come from Benchmarks/timeit.py (standard-library
# Python; memory through GNU time when installed). Raw figures go to
# Benchmarks/corpus/last-run.tsv.
#
# Exit status: 0 when every target that was measured passes, 1 when one
# fails, 2 on trouble (build failure, missing tool, a tool erring).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
export PATH="/opt/swift/usr/bin:$PATH"

quick=0
corpora_only=0
runs=""
workloads=""
difflib_timeout=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --runs) runs=$2; shift ;;
    --runs=*) runs=${1#*=} ;;
    --workloads) workloads=$2; shift ;;
    --workloads=*) workloads=${1#*=} ;;
    --difflib-timeout) difflib_timeout=$2; shift ;;
    --difflib-timeout=*) difflib_timeout=${1#*=} ;;
    --corpora-only) corpora_only=1 ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$quick" = 1 ]; then
  : "${runs:=3}" "${workloads:=sample,c300}" "${difflib_timeout:=120}"
else
  : "${runs:=5}" "${workloads:=sample,c300,c300p,c300b,c1000,u1000,b300,fr300,ru300,zh300}" "${difflib_timeout:=300}"
fi
tool_timeout=300      # any run of resodiff, diff or git longer than this is abandoned
difflib_budget=60     # stop adding difflib runs once they have taken this long in all

corpus="$here/corpus"
busy=""  # the busy loop of workload c300b while it runs; never left behind
trap 'if [ -n "$busy" ]; then kill "$busy" 2>/dev/null || true; fi' EXIT
python=$(command -v python3 || true)
[ -n "$python" ] || { echo "run.sh: python3 is needed (timing helper and generator)" >&2; exit 2; }

# --- Environment --------------------------------------------------------------
echo "resodiff benchmarks — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || echo ' (Sources modified)')," \
  "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
if [ -x /usr/bin/time ] && /usr/bin/time --version 2>&1 | grep -q GNU; then
  echo "peak memory: GNU time (%M) on an untimed warm-up run"
else
  echo "peak memory: GNU time not found, so from wait4, which never reads below ~15 MiB"
  echo "             (the timing helper's own size); for exact figures: apt-get install time"
fi
echo

# --- Build --------------------------------------------------------------------
echo "building: swift build -c release --static-swift-stdlib"
mkdir -p "$corpus"
if ! swift build -c release --static-swift-stdlib >"$corpus/build.log" 2>&1; then
  cat "$corpus/build.log" >&2
  echo "run.sh: the release build failed" >&2
  exit 2
fi
bin="$(swift build -c release --show-bin-path)/resodiff"
[ -x "$bin" ] || { echo "run.sh: no binary at $bin" >&2; exit 2; }

# --- Corpora ------------------------------------------------------------------
# A corpus is regenerated when its parameters, the generator or the sample it
# learns from have changed (recorded in the corpus's .stamp).
generate() {
  local name=$1; shift
  local dir="$corpus/$name"
  local stamp
  stamp="$* $(cat "$here/gen_corpus.py" Samples/A-RES-75-68.txt | cksum)"
  if [ -f "$dir/old.txt" ] && [ -f "$dir/new.txt" ] && [ "$(cat "$dir/.stamp" 2>/dev/null)" = "$stamp" ]; then
    return
  fi
  echo "generating Benchmarks/corpus/$name: gen_corpus.py $*"
  rm -rf "$dir"
  "$python" "$here/gen_corpus.py" "$dir" "$@"
  echo "$stamp" >"$dir/.stamp"
}

# The 300 compilation in another script (translit.py), regenerated with it.
translate() {
  local kind=$1
  local dir="$corpus/${kind}300"
  local stamp
  stamp="$(cat "$corpus/c300/.stamp" "$here/translit.py" | cksum)"
  if [ -f "$dir/old.txt" ] && [ -f "$dir/new.txt" ] && [ "$(cat "$dir/.stamp" 2>/dev/null)" = "$stamp" ]; then
    return
  fi
  echo "generating Benchmarks/corpus/${kind}300: translit.py $kind on the 300 compilation"
  rm -rf "$dir"
  mkdir -p "$dir"
  "$python" "$here/translit.py" "$kind" "$corpus/c300/old.txt" "$dir/old.txt"
  "$python" "$here/translit.py" "$kind" "$corpus/c300/new.txt" "$dir/new.txt"
  echo "$stamp" >"$dir/.stamp"
}

declare -A label old new
label[sample]="sample pair (A-RES-75-68 vs A-RES-77-illustrative)"
old[sample]=Samples/A-RES-75-68.txt
new[sample]=Samples/A-RES-77-illustrative.txt
label[c300]="300 compilation (related versions)"
label[c1000]="1,000 compilation (related versions)"
label[u1000]="unrelated 1,000 compilation (worst case)"
label[c300p]="300 compilation, each run after a 3 s pause (one-off runs)"
old[c300p]=Benchmarks/corpus/c300/old.txt
new[c300p]=Benchmarks/corpus/c300/new.txt
label[c300b]="300 compilation, a busy loop on one processor (a slow spell imitated)"
old[c300b]=Benchmarks/corpus/c300/old.txt
new[c300b]=Benchmarks/corpus/c300/new.txt
label[b300]="batch: 300 resolutions, one file each (directory against directory)"
old[b300]="Benchmarks/corpus/c300/old"
new[b300]="Benchmarks/corpus/c300/new"
label[fr300]="300 compilation in accented Latin (translit.py fr)"
label[ru300]="300 compilation in Cyrillic (translit.py ru)"
label[zh300]="300 compilation in CJK ideographs (translit.py zh)"
for w in c300 c1000 u1000 fr300 ru300 zh300; do
  old[$w]="Benchmarks/corpus/$w/old.txt"
  new[$w]="Benchmarks/corpus/$w/new.txt"
done

IFS=, read -r -a selected <<<"$workloads"
for w in "${selected[@]}"; do
  case "$w" in
    sample) ;;
    c300|c300p|c300b|b300) generate c300 --resolutions 300 --seed 75 ;;
    c1000) generate c1000 --resolutions 1000 --seed 75 ;;
    u1000) generate u1000 --resolutions 1000 --seed 75 --unrelated ;;
    fr300|ru300|zh300) generate c300 --resolutions 300 --seed 75; translate "${w%300}" ;;
    *) echo "run.sh: unknown workload '$w' (sample, c300, c300p, c300b, c1000, u1000, b300, fr300, ru300, zh300)" >&2; exit 2 ;;
  esac
done
[ "$corpora_only" = 1 ] && exit 0
echo

# --- Measurements -------------------------------------------------------------
tools=(resodiff diff git difflib)
declare -A tool_name=(
  [resodiff]="resodiff"
  [diff]="diff"
  [git]="git diff --word-diff"
  [difflib]="difflib.ndiff"
)
have() {
  case "$1" in
    resodiff) true ;;
    diff) command -v diff >/dev/null ;;
    git) command -v git >/dev/null ;;
    difflib) true ;;
  esac
}
command_for() {  # tool old new
  case "$1" in
    resodiff) echo "$bin" "$2" "$3" ;;
    diff) if [ -d "$2" ]; then echo diff -r "$2" "$3"; else echo diff "$2" "$3"; fi ;;
    git) echo git --no-pager diff --no-index --no-color --diff-algorithm=myers --word-diff=plain "$2" "$3" ;;
    difflib) echo "$python" "$here/difflib_peer.py" "$2" "$3" ;;
  esac
}

bytes() {  # the size of a file, or of the files in a directory
  if [ -d "$1" ]; then cat "$1"/* | wc -c; else wc -c <"$1"; fi
}

declare -A status median peak count line row
results="$corpus/last-run.tsv"
printf 'workload\ttool\tstatus\tmedian_s\tmin_s\tmax_s\tpeak_kib\truns\tmem\n' >"$results"
trouble=0
for w in "${selected[@]}"; do
  line=(); row=()
  size=$(( ($(bytes "${old[$w]}") + $(bytes "${new[$w]}")) / 1024 ))
  echo "${label[$w]}: ${old[$w]} vs ${new[$w]} (${size} KiB in all)"
  printf '  %-22s %12s %17s %12s %6s  %s\n' tool "median" "min–max" "peak" runs "resodiff is"
  # resodiff, diff and git are timed in rotation (timeit.py with several
  # commands: each round runs each once, starting with a different one), so
  # that a slow spell of the machine falls on all of them alike; difflib,
  # which takes seconds a run, on its own afterwards.
  rotated=()
  for t in "${tools[@]}"; do
    if [[ "$w" == c300[pb] ]] && [ "$t" != resodiff ] && [ "$t" != git ]; then
      continue  # about the machine's state, not the work; git is the peer that matters
    fi
    if [ "$w" = c300b ] && { ! command -v taskset >/dev/null || [ "$(nproc)" -lt 2 ]; }; then
      status[$w,$t]=missing; row[$t]="needs taskset and 2 processors"
      continue
    fi
    if [ "$t" = difflib ] && [[ "$w" == *300 && "$w" != c300 ]]; then
      continue  # the other scripts: against git, the peer of the target
    fi
    if [ "$t" = difflib ] && [ -d "${old[$w]}" ]; then
      status[$w,$t]=missing; row[$t]="(files only)"
      continue
    fi
    if ! have "$t"; then
      status[$w,$t]=missing; row[$t]="not installed"
      continue
    fi
    if [ "$t" = difflib ]; then
      limits=(--timeout "$difflib_timeout" --budget "$difflib_budget")
      [ "$w" = c300p ] && limits+=(--pause 3)
      # Word splitting of the command is intended: paths have no spaces.
      # shellcheck disable=SC2046
      line[$t]=$("$python" "$here/timeit.py" --tsv --runs "$runs" "${limits[@]}" -- $(command_for "$t" "${old[$w]}" "${new[$w]}")) || true
    else
      rotated+=("$t")
    fi
  done
  if [ ${#rotated[@]} -gt 0 ]; then
    limits=(--timeout "$tool_timeout")
    [ "$w" = c300p ] && limits+=(--pause 3)
    args=()
    for t in "${rotated[@]}"; do
      # shellcheck disable=SC2046
      args+=(-- $(command_for "$t" "${old[$w]}" "${new[$w]}"))
    done
    if [ "$w" = c300b ]; then
      # A busy loop on the last processor for the length of the timing: the scheduler
      # shares that processor between it and whatever runs there, as a host's other
      # guests do in a slow spell.
      taskset -c "$(( $(nproc) - 1 ))" sh -c 'while :; do :; done' &
      busy=$!
    fi
    lines=$("$python" "$here/timeit.py" --tsv --runs "$runs" "${limits[@]}" "${args[@]}") || true
    if [ -n "${busy:-}" ]; then
      kill "$busy" 2>/dev/null || true
      wait "$busy" 2>/dev/null || true
      busy=""
    fi
    k=0
    while IFS= read -r l; do
      [ $k -lt ${#rotated[@]} ] && line[${rotated[$k]}]=$l
      k=$((k + 1))
    done <<<"$lines"
  fi

  for t in "${tools[@]}"; do
    if [ "${status[$w,$t]:-}" = missing ]; then
      printf '  %-22s %12s\n' "${tool_name[$t]}" "${row[$t]}"
      continue
    fi
    [ -n "${line[$t]:-}" ] || continue
    if [ "$t" = difflib ]; then limit=$difflib_timeout; else limit=$tool_timeout; fi
    IFS=$'\t' read -r st med lo hi pk n mem <<<"${line[$t]}"
    printf '%s\t%s\t%s\n' "$w" "$t" "${line[$t]}" >>"$results"
    status[$w,$t]=$st; median[$w,$t]=$med; peak[$w,$t]=$pk; count[$w,$t]=$n
    case "$st" in
      ok) time_cell=$(awk -v s="$med" 'BEGIN { if (s < 1) printf "%.1f ms", s * 1000; else printf "%.2f s", s }')
          spread_cell=$(awk -v a="$lo" -v b="$hi" 'BEGIN {
            if (b < 0.01) printf "%.1f–%.1f ms", a * 1000, b * 1000
            else if (b < 1) printf "%.0f–%.0f ms", a * 1000, b * 1000
            else printf "%.2f–%.2f s", a, b }') ;;
      timeout) time_cell="> ${limit} s"; spread_cell="" ;;
      *) time_cell="error (${st#error:})"; spread_cell=""; trouble=1 ;;
    esac
    peak_cell=$(awk -v k="$pk" 'BEGIN { if (k < 0) print "?"; else printf "%.1f MiB", k / 1024 }')
    [ "$mem" = wait4 ] && peak_cell="≤$peak_cell"
    ratio=""
    if [ "$t" != resodiff ] && [ "${status[$w,resodiff]}" = ok ]; then
      case "$st" in
        ok) ratio=$(awk -v p="$med" -v r="${median[$w,resodiff]}" 'BEGIN {
              x = p / r; if (x >= 1) printf "%.1f× faster", x; else printf "%.1f× slower", 1 / x }') ;;
        timeout) ratio=$(awk -v p="$limit" -v r="${median[$w,resodiff]}" 'BEGIN { printf "> %.0f× faster", p / r }') ;;
      esac
    fi
    printf '  %-22s %12s %17s %12s %6s  %s\n' "${tool_name[$t]}" "$time_cell" "$spread_cell" "$peak_cell" "${n:-0}" "$ratio"
  done
  echo
done

# --- Targets ------------------------------------------------------------------
# target NAME VERDICT DETAIL; VERDICT is PASS, FAIL or SKIP.
failed=0
target() {
  printf '  %s  %s: %s\n' "$2" "$1" "$3"
  [ "$2" = FAIL ] && failed=1
  return 0
}
ran() { [ "${status[$1,$2]:-}" = ok ]; }
verdict() { awk "BEGIN { exit !($1) }" && echo PASS || echo FAIL; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
sec() { awk -v s="$1" 'BEGIN { printf "%.2f s", s }'; }

echo "targets (medians; the machine's load makes single figures noisy)"
if ran c300 resodiff && ran c300 git; then
  target "300 compilation: resodiff ≤ git word-diff" \
    "$(verdict "${median[c300,resodiff]} <= ${median[c300,git]}")" \
    "$(ms "${median[c300,resodiff]}") vs $(ms "${median[c300,git]}") (both timed in rotation)"
else
  target "300 compilation: resodiff ≤ git word-diff" SKIP "not measured"
fi
if ran c300 resodiff && ran c300 difflib; then
  x=$(awk -v p="${median[c300,difflib]}" -v r="${median[c300,resodiff]}" 'BEGIN { printf "%.1f", p / r }')
  target "300 compilation: ≥ 30× faster than difflib" "$(verdict "$x >= 30")" "${x}×"
elif ran c300 resodiff && [ "${status[c300,difflib]:-}" = timeout ]; then
  x=$(awk -v p="$difflib_timeout" -v r="${median[c300,resodiff]}" 'BEGIN { printf "%.1f", p / r }')
  target "300 compilation: ≥ 30× faster than difflib" "$(verdict "$x >= 30")" "> ${x}× (difflib timed out)"
else
  target "300 compilation: ≥ 30× faster than difflib" SKIP "not measured"
fi
if ran c300 resodiff && ran c1000 resodiff; then
  # The two pairs timed again in one rotation (each round runs both), so that the ratio
  # compares runs of the same spell; the tables above time each pair in its own rotation.
  # shellcheck disable=SC2046
  pair_lines=$("$python" "$here/timeit.py" --tsv --runs $((runs * 2 + 1)) --timeout "$tool_timeout" \
    -- $(command_for resodiff "${old[c300]}" "${new[c300]}") -- $(command_for resodiff "${old[c1000]}" "${new[c1000]}")) || true
  a=$(sed -n 2p <<<"$pair_lines" | cut -f2); b=$(sed -n 1p <<<"$pair_lines" | cut -f2)
  if [ -n "$a" ] && [ -n "$b" ] && [ "$(sed -n 1p <<<"$pair_lines" | cut -f1)" = ok ] && [ "$(sed -n 2p <<<"$pair_lines" | cut -f1)" = ok ]; then
    x=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')
    target "1,000 / 300 time ratio ≤ 4" "$(verdict "$x <= 4")" \
      "$x ($(ms "$a") / $(ms "$b"), the two pairs timed in one rotation, $((runs * 2 + 1)) runs each)"
  else
    x=$(awk -v a="${median[c1000,resodiff]}" -v b="${median[c300,resodiff]}" 'BEGIN { printf "%.2f", a / b }')
    target "1,000 / 300 time ratio ≤ 4" "$(verdict "$x <= 4")" "$x (from the tables above)"
  fi
else
  target "1,000 / 300 time ratio ≤ 4" SKIP "needs c300 and c1000"
fi
if ran u1000 resodiff; then
  target "unrelated 1,000: < 2 s" "$(verdict "${median[u1000,resodiff]} < 2")" "$(sec "${median[u1000,resodiff]}")"
  if [ "${peak[u1000,resodiff]}" -lt 0 ]; then
    target "unrelated 1,000: < 300 MB peak" SKIP "peak unknown"
  else
    # 300 MB = 300,000,000 bytes; GNU time reports KiB.
    target "unrelated 1,000: < 300 MB peak" "$(verdict "${peak[u1000,resodiff]} * 1024 < 300000000")" \
      "$(awk -v k="${peak[u1000,resodiff]}" 'BEGIN { printf "%.0f MB", k * 1024 / 1e6 }')"
  fi
elif [ "${status[u1000,resodiff]:-}" = timeout ]; then
  target "unrelated 1,000: < 2 s" FAIL "> ${tool_timeout} s (timed out)"
  target "unrelated 1,000: < 300 MB peak" SKIP "timed out"
else
  target "unrelated 1,000: < 2 s" SKIP "not measured"
  target "unrelated 1,000: < 300 MB peak" SKIP "not measured"
fi
if ran sample resodiff; then
  target "sample pair: median < 10 ms" "$(verdict "${median[sample,resodiff]} < 0.010")" "$(ms "${median[sample,resodiff]}")"
else
  target "sample pair: median < 10 ms" SKIP "not measured"
fi
if ran c300p resodiff && ran c300p git; then
  # Not one of the issue's targets (its runs follow each other), so never a failure:
  # the figure a user sees for a single run on a large input.
  x=$(awk -v r="${median[c300p,resodiff]}" -v g="${median[c300p,git]}" 'BEGIN { printf "%.2f", r / g }')
  printf '  %s  %s: %s\n' NOTE "300 compilation after a pause (one-off runs): resodiff / git word-diff" \
    "$(ms "${median[c300p,resodiff]}") vs $(ms "${median[c300p,git]}"), ${x}×"
fi
if ran c300b resodiff && ran c300b git; then
  # Not one of the issue's targets: how the comparison fares when a processor is
  # taken from it (git runs on one thread, resodiff on two).
  x=$(awk -v r="${median[c300b,resodiff]}" -v g="${median[c300b,git]}" 'BEGIN { printf "%.2f", r / g }')
  printf '  %s  %s: %s\n' NOTE "300 compilation with a busy processor (a slow spell imitated): resodiff / git word-diff" \
    "$(ms "${median[c300b,resodiff]}") vs $(ms "${median[c300b,git]}"), ${x}×"
fi
for w in fr300 ru300 zh300; do
  if ran "$w" resodiff && ran "$w" git; then
    # Not one of the issue's targets (they are on English text), so never a failure.
    x=$(awk -v r="${median[$w,resodiff]}" -v g="${median[$w,git]}" 'BEGIN { printf "%.2f", r / g }')
    printf '  %s  %s: %s\n' NOTE "${label[$w]}: resodiff / git word-diff" \
      "$(ms "${median[$w,resodiff]}") vs $(ms "${median[$w,git]}"), ${x}×"
  fi
done
echo
echo "raw figures: Benchmarks/corpus/last-run.tsv"

[ "$trouble" = 1 ] && exit 2
[ "$failed" = 1 ] && exit 1
exit 0
