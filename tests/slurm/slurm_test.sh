#!/usr/bin/env bash
# The sharded ingest through a real Slurm cluster: starts a one-node cluster
# (tests/slurm/cluster), then on the shipped corpus/ split 4 ways
#   1. a run where one shard cannot be read (a broken PDF among the inputs):
#      that array task must end FAILED with exit 1 and say so in its log, its
#      store must not reach the shard folder, and the afterok merge must never
#      start (DependencyNeverSatisfied);
#   2. the whole path with scripts/slurm/submit (dipmine plan, the array job,
#      the merge job with afterok): every task COMPLETED, the merge too, and
#      the merged store answers search and rank as the store ingested in one
#      go does;
#   3. the merge line submitted again on the finished store: it succeeds,
#      finds every shard merged by the first job, and the answers are
#      unchanged.
# The cluster is stopped whatever happens (no daemon is left running).
# Usage: slurm_test.sh DIPMINE SOURCE_DIR. Exit 77 (skip, one line why) when
# a cluster cannot start here, unless DIPMINE_REQUIRE_SLURM=1 (then exit 1).
set -uo pipefail
dipmine=$1
src=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
readonly kTimeout=${DIPMINE_SLURM_TIMEOUT:-90}  # seconds for each run's jobs
# Settings of a real cluster in the caller's environment (a partition, an
# account, a squeue format) must not reach the test cluster.
unset $(compgen -e | grep -E '^(SLURM|SBATCH|SQUEUE|SINFO|SCONTROL|SALLOC|SRUN)_') 2>/dev/null

skip() {
  if [ "${DIPMINE_REQUIRE_SLURM:-0}" = 1 ]; then echo "FAIL (DIPMINE_REQUIRE_SLURM=1): $*"; exit 1; fi
  echo "SKIP: $*"; exit 77
}
# The sharded commands (dipmine plan, ingest --shard, merge) are the other
# half of this capability; a program without them cannot run the path.
help=$("$dipmine" --help)
for cmd in plan merge; do
  grep -qE "^  $cmd " <<< "$help" || skip "this dipmine has no '$cmd' command"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/dipmine-slurm-XXXXXX")
failed=0
cleanup() {
  local status=$?
  if ! "$here/cluster" stop "$work/cluster"; then
    echo "FAIL: the cluster did not stop"; failed=1; status=1
  fi
  if [ "$failed" -ne 0 ]; then
    echo "--- job logs and the daemons' last lines (kept in $work):"
    tail -n 20 "$work"/run*/*.log "$work/cluster/log/slurmctld.log" "$work/cluster/log/slurmd.log" 2>/dev/null
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'failed=1; exit 1' INT TERM
check() {  # check DESCRIPTION COMMAND...: runs COMMAND, reports a failure
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; failed=1; fi
}

start_out=$("$here/cluster" start "$work/cluster" $$ 2>"$work/start.err")
status=$?
if [ "$status" -eq 77 ]; then skip "$(tail -n 1 "$work/start.err")"; fi
[ "$status" -eq 0 ] || { cat "$work/start.err"; failed=1; exit 1; }
eval "$start_out"  # SLURM_CONF
t_cluster=$EPOCHREALTIME

# Waits until none of the jobs is pending or running, or only the given
# merge job is left pending on a dependency that can never be met.
wait_jobs() {  # wait_jobs MERGE_ID JOB_ID...
  local merge=$1 deadline=$((SECONDS + kTimeout)) left
  shift
  while ((SECONDS < deadline)); do
    left=$(squeue -h -j "$(IFS=,; echo "$*")" -o '%i %T %r' 2>/dev/null)
    [ -z "$left" ] && return 0
    [ "$left" = "$merge PENDING DependencyNeverSatisfied" ] && return 0
    sleep 0.3
  done
  echo "FAIL: jobs not done after ${kTimeout}s:"; echo "$left"; failed=1
  scancel "$@"
  return 1
}
# "TASK STATE EXIT" per array task, or "STATE EXIT" for a plain job.
job_states() {
  scontrol -o show job "$1" | awk '{
    task = ""; state = ""; code = ""
    for (i = 1; i <= NF; i++) {
      split($i, kv, "=")
      if (kv[1] == "ArrayTaskId") task = kv[2] " "
      else if (kv[1] == "JobState") state = kv[2]
      else if (kv[1] == "ExitCode") code = kv[2]
    }
    print task state " " code
  }' | sort -n
}

# The store ingested in one go, the reference (from $work, as the jobs run
# from their own folders: no ./lexicons of the caller's is picked up).
cd "$work"
"$dipmine" --db "$work/one.db" ingest "$src/corpus" >"$work/one.log" 2>&1 ||
  { echo "FAIL: ingest of corpus/ in one go"; cat "$work/one.log"; failed=1; exit 1; }

# 1. One shard fails: a PDF that cannot be read is in it.
mkdir -p "$work/run1/broken"
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntruncated' > "$work/run1/broken/broken.pdf"
cd "$work/run1"
array=$(DIPMINE=$dipmine sbatch --parsable --array=1-4 -c 1 --mem=500M \
  "$src/scripts/slurm/ingest.sbatch" "$src/corpus" "$work/run1/broken")
merge=$(DIPMINE=$dipmine sbatch --parsable --dependency=afterok:"$array" -c 1 --mem=500M \
  "$src/scripts/slurm/merge.sbatch" "$work/run1/merged.db")
if wait_jobs "$merge" "$array" "$merge"; then
  states=$(job_states "$array")
  bad=$(echo "$states" | awk '$2 != "COMPLETED"')
  check "run 1: exactly one task failed, with exit code 1 (tasks: $(echo $states))" \
    test "$(echo "$bad" | grep -c .)" -eq 1 -a "$(echo "$bad" | awk '{print $2, $3}')" = "FAILED 1:0"
  task=$(echo "$bad" | awk '{print $1}')
  check "run 1: the failed task's log says FAILED with the shard" \
    grep -q "FAILED.*shard $task/4" "dipmine-ingest-${array}_$task.log"
  check "run 1: the failed task's log names broken.pdf" grep -q "broken.pdf" "dipmine-ingest-${array}_$task.log"
  check "run 1: the failed shard is not in the shard folder, kept as .failed" \
    test ! -e "shards/shard-$task-of-4.db" -a -f "shards/shard-$task-of-4.db.failed"
  check "run 1: the merge job never starts (DependencyNeverSatisfied)" \
    test "$(squeue -h -j "$merge" -o '%T %r')" = "PENDING DependencyNeverSatisfied"
  check "run 1: no merged store" test ! -e merged.db
  scancel "$merge"
fi

# 2. The whole path: plan, array job, merge job.
mkdir -p "$work/run2"
cd "$work/run2"
t0=$EPOCHREALTIME
ids=$(DIPMINE=$dipmine "$src/scripts/slurm/submit" --shards 4 --out "$work/run2/merged.db" \
  "$src/corpus" -- -c 1 --mem=500M 2>submit.log)
read -r array merge <<< "$ids"
check "run 2: submit printed the plan and both sbatch lines" \
  test "$(grep -c -e '^+ .* plan --shards 4' -e '^+ sbatch .*--array=1-4' \
    -e "^+ sbatch .*--dependency=afterok:$array" submit.log)" -eq 3
run2_done=0
if [ -n "$merge" ] && wait_jobs "" "$array" "$merge"; then
  run2_done=1
  t_path=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  states=$(job_states "$array")
  check "run 2: all 4 tasks completed with exit 0 ($(echo $states))" \
    test "$(echo "$states" | grep -c ' COMPLETED 0:0$')" -eq 4
  check "run 2: the merge job completed with exit 0" test "$(job_states "$merge")" = "COMPLETED 0:0"
  check "run 2: 4 shard stores, each non-empty" \
    test "$(find shards -name 'shard-*-of-4.db' -size +0 | wc -l)" -eq 4
  check "run 2: the merge log says done" grep -q '^merge.sbatch: done' "dipmine-merge-$merge.log"
  echo "run 2: the whole path took ${t_path}s on the one-node cluster"
fi

# The same answers from the merged store as from the one made in one go
# (tests/slurm/answers names documents by file: ids may be numbered apart).
answers() { "$here/answers" "$dipmine" "$1"; }
if [ "$run2_done" = 1 ] && [ -f "$work/run2/merged.db" ]; then
  answers "$work/one.db" > "$work/one.answers" || { echo "FAIL: answers on one.db"; failed=1; }
  answers "$work/run2/merged.db" > "$work/merged.answers"
  check "run 2: search and rank answer the same on the merged store as on one ingested in one go" \
    diff -u "$work/one.answers" "$work/merged.answers"
  check "run 2: the answers are not empty (search found paragraphs, rank has rows)" \
    test "$(grep -c . "$work/one.answers")" -gt 40

  # 3. The merge submitted again (as after a kill): same line, same answers.
  merge2=$(DIPMINE=$dipmine DIPMINE_SHARD_DIR=shards sbatch --parsable -c 1 --mem=500M \
    "$src/scripts/slurm/merge.sbatch" "$work/run2/merged.db")
  if wait_jobs "" "$merge2"; then
    check "run 3: the merge submitted again completed with exit 0" \
      test "$(job_states "$merge2")" = "COMPLETED 0:0"
    check "run 3: it found the 4 shards merged by the first job (nothing merged twice)" \
      grep -q "(4 by an earlier run)" "dipmine-merge-$merge2.log"
    answers "$work/run2/merged.db" > "$work/merged2.answers"
    check "run 3: the answers are unchanged" diff -u "$work/one.answers" "$work/merged2.answers"
  fi
else
  echo "FAIL: run 2 did not finish with a merged store (no comparison, no run 3)"; failed=1
fi
echo "cluster up for $(awk -v a="$t_cluster" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')s"
[ "$failed" -eq 0 ] && echo "PASS" || echo "FAIL"
exit "$failed"
