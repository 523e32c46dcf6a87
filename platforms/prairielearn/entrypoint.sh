#!/usr/bin/env bash
# Lockstep as a PrairieLearn external grader: the entrypoint of the image that Dockerfile builds
# (/lockstep/entrypoint.sh). PrairieLearn mounts the job at /grade: the learner's files in
# /grade/student, the question's data in /grade/data/data.json; this grades the files with
# Lockstep and writes /grade/results/results.json (creating /grade/results, which PrairieLearn
# does not), then exits 0 whatever the score.
#
# Which exercises: the entrypoint's arguments (info.json: "entrypoint": "/lockstep/entrypoint.sh
# mutex"), else params.lockstep_exercises of data.json (a list, or ids separated by spaces, set
# by the question's server.py), else every exercise of the course. Lockstep writes results.json
# whatever happens to the grading; should Lockstep not even start, this script writes one itself
# (succeeded: false, and why). Lockstep's native results go beside it, as lockstep.json, which
# PrairieLearn does not read. LOCKSTEP_GRADE_ROOT replaces /grade (for tests); LOCKSTEP_SANDBOX
# (auto, required, off; default auto) and LOCKSTEP_SLACK can be set in info.json's "environment".
set -uo pipefail
root="${LOCKSTEP_GRADE_ROOT:-/grade}"
lockstep="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
results="$root/results/results.json"
mkdir -p "$root/results"
rm -f "$results"

# A results.json of PrairieLearn's format for a job Lockstep could not grade: $1 says why.
not_graded() {
  local why="${1//\\/\\\\}"
  why="${why//\"/\\\"}"
  printf '{"succeeded": false, "gradable": false, "score": 0, "message": "%s", "format_errors": ["%s"], "tests": []}\n' \
    "$why" "$why" > "$results"
}

exercises=("$@")
data="$root/data/data.json"
if [ ${#exercises[@]} -eq 0 ] && [ -f "$data" ]; then
  if ! command -v jq >/dev/null 2>&1; then
    not_graded "The grader image has no jq to read data.json; build it from Lockstep's platforms/prairielearn/Dockerfile."
    exit 0
  fi
  if ! listed="$(jq -r '.params.lockstep_exercises // empty
      | if type == "array" then .[] else tostring | splits(" +") end | select(length > 0)' "$data")"; then
    not_graded "params.lockstep_exercises in data.json is not a list of exercise ids."
    exit 0
  fi
  while IFS= read -r id; do
    [ -n "$id" ] && exercises+=("$id")
  done <<< "$listed"
fi
for id in ${exercises[@]+"${exercises[@]}"}; do
  if ! [[ "$id" =~ ^[a-z0-9][a-z0-9-]*$ ]]; then
    not_graded "'$id' is not an exercise id (the question's configuration names it)."
    exit 0
  fi
done

status=0
bash "$lockstep/grade" --submission "$root/student" --json "$root/results/lockstep.json" --report "prairielearn=$results" \
  --sandbox "${LOCKSTEP_SANDBOX:-auto}" ${exercises[@]+"${exercises[@]}"} || status=$?
if [ ! -s "$results" ]; then
  not_graded "The grader could not start Lockstep (exit status $status); the grading job's output says why."
fi
exit 0
