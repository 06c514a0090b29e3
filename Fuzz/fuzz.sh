#!/usr/bin/env bash
# Builds and runs the libFuzzer targets of Fuzz/ (`make fuzz`), one after the other.
#
#     Fuzz/fuzz.sh [--no-build] [Target...]       (default: every target)
#
# FUZZ_SECONDS  time per target (default 60); FUZZ_RUNS  executions per target (default: no limit).
# Each target runs on a working copy of its committed corpus (Fuzz/.build/corpus/<Target>, seeded
# from Fuzz/Corpus/<Target>); crashes, leaks and sanitizer reports are written to
# Fuzz/.build/artifacts/<Target>/ and make the script fail. Logs: Fuzz/.build/logs/<Target>.log.
# `Fuzz/fuzz.sh --merge Target...` minimises the working corpus back into Fuzz/Corpus/<Target>.
set -euo pipefail
cd "$(dirname "$0")"
ALL=(FuzzAVS FuzzConfig FuzzCSV FuzzBatch FuzzManifest FuzzJoinRequest FuzzAdmission FuzzAudit FuzzForm)
FLAGS=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
seconds=${FUZZ_SECONDS:-60}
runs=${FUZZ_RUNS:--1}
build=1 merge=0
while [[ $# -gt 0 && $1 == --* ]]; do
    case $1 in
        --no-build) build=0 ;;
        --merge) merge=1 build=0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${ALL[@]}")
bin=.build/release
failed=()
for target in "${targets[@]}"; do
    if [[ $build == 1 ]]; then
        # One product at a time: each brings libFuzzer's driver.
        swift build "${FLAGS[@]}" --product "$target" 2>&1 | grep -v "Cannot export local symbol" | grep -E "error|Compiling|Linking" || true
        [[ -x $bin/$target ]] || { echo "$target did not build" >&2; exit 1; }
    fi
    work=.build/corpus/$target artifacts=.build/artifacts/$target
    mkdir -p "$work" "$artifacts" .build/logs Corpus/"$target"
    if [[ $merge == 1 ]]; then
        fresh=$(mktemp -d)
        "$bin/$target" -merge=1 "$fresh" Corpus/"$target" "$work" 2>&1 | tail -2
        rm -rf Corpus/"$target" && mv "$fresh" Corpus/"$target" && chmod 755 Corpus/"$target"
        echo "$target: $(ls Corpus/"$target" | wc -l) files, $(cat Corpus/"$target"/* | wc -c) bytes"
        continue
    fi
    cp -n Corpus/"$target"/* "$work"/ 2>/dev/null || true
    echo "== $target: ${seconds}s, runs ${runs}, $(ls "$work" | wc -l) inputs"
    if "$bin/$target" -runs="$runs" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" \
        > .build/logs/"$target".log 2>&1; then
        grep -E "^#[0-9]+ *DONE|^Done|stat::number_of_executed_units|stat::average_exec_per_sec" .build/logs/"$target".log || true
    else
        echo "$target FAILED: see Fuzz/.build/logs/$target.log and $artifacts/" >&2
        grep -E "ERROR|SUMMARY|Fatal error|Test unit written" .build/logs/"$target".log >&2 || true
        failed+=("$target")
    fi
done
[[ ${#failed[@]} -eq 0 ]] || { echo "failed: ${failed[*]}" >&2; exit 1; }
