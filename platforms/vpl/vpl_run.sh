#!/bin/bash
# Lockstep on Moodle VPL: vpl_run.sh, for the Run button. It writes vpl_execution, which VPL runs
# in a terminal: the learner sees what ./grade prints (each test's verdict, hint and output), as
# on their own machine. Grading itself is vpl_evaluate.sh's. VPL leaves vpl_evaluate.sh out of a
# run, so the settings are repeated here: keep them equal to vpl_evaluate.sh's.
LOCKSTEP_HOME="${LOCKSTEP_HOME:-/opt/lockstep}"
LOCKSTEP_EXERCISES="${LOCKSTEP_EXERCISES:-}"

{
  echo '#!/bin/bash'
  declare -p LOCKSTEP_HOME LOCKSTEP_EXERCISES
  cat <<'SCRIPT'
read -ra exercises <<< "$LOCKSTEP_EXERCISES"
exec bash "$LOCKSTEP_HOME/grade" --submission "$PWD" --json "$PWD/lockstep-results.json" ${exercises[@]+"${exercises[@]}"}
SCRIPT
} > vpl_execution
chmod +x vpl_execution
