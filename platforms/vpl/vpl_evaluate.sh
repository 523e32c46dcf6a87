#!/bin/bash
# Lockstep on Moodle VPL: vpl_evaluate.sh, an execution file of the activity. VPL runs it in the
# jail, in the folder that holds the learner's files (and the execution files); it writes
# vpl_execution, which VPL then runs and whose output it reads: comment blocks (<|-- ... --|>)
# for the learner, and the last "Grade :=>>" line as the proposed grade. Lockstep's vpl report
# is exactly that output; should Lockstep not even start (no JDK 21, LOCKSTEP_HOME wrong), a
# closed block says why and the grade is 0, so VPL always finds a grade.
#
# Set for the activity (or in a base activity's vpl_evaluate.sh, which VPL runs first):
LOCKSTEP_HOME="${LOCKSTEP_HOME:-/opt/lockstep}"      # Lockstep on the jail server: a clone, built once with ./grade
LOCKSTEP_EXERCISES="${LOCKSTEP_EXERCISES:-}"        # the exercises this activity grades, e.g. "mutex" (empty: all)
LOCKSTEP_SANDBOX="${LOCKSTEP_SANDBOX:-auto}"        # auto: bubblewrap where the jail allows it; off; required

{
  echo '#!/bin/bash'
  declare -p LOCKSTEP_HOME LOCKSTEP_EXERCISES LOCKSTEP_SANDBOX
  cat <<'SCRIPT'
# Written by vpl_evaluate.sh: grades this folder with Lockstep and prints VPL's comments and grade.
# What ./grade prints itself (the learner's output included) stays out of what VPL reads.
work="$(mktemp -d)"
read -ra exercises <<< "$LOCKSTEP_EXERCISES"
status=0
bash "$LOCKSTEP_HOME/grade" --submission "$PWD" --json "$PWD/lockstep-results.json" --report "vpl=$work/vpl.txt" \
  --sandbox "$LOCKSTEP_SANDBOX" ${exercises[@]+"${exercises[@]}"} > "$work/grade.log" 2>&1 || status=$?
if [ -s "$work/vpl.txt" ]; then
  cat "$work/vpl.txt"
else
  echo '<|--'
  echo "-The grader could not start Lockstep (exit status $status), so nothing was graded"
  tail -n 20 "$work/grade.log" | tr -d '\r' | sed 's/^/>/'
  echo '--|>'
  echo 'Grade :=>> 0'
fi
rm -rf "$work"
SCRIPT
} > vpl_execution
chmod +x vpl_execution
