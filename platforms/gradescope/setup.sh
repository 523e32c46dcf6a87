#!/usr/bin/env bash
# Lockstep on Gradescope: setup.sh. Gradescope runs it once, as root, while it builds the
# autograder's image (Ubuntu 22.04), from the unzipped autograder.zip in /autograder/source.
#
# The zip carries Lockstep already built (lockstep/: the grade script and the jars of the grader,
# the course and the test JVMs), so this only installs what Lockstep needs from Ubuntu's own
# packages: a JDK 21 (the grader compiles the learner's classes in-process, so a JRE is not
# enough) and bubblewrap (the OS sandbox of test JVMs, used where the container allows it).
# `grade --version` then checks that Lockstep starts with that JDK, so that a broken setup fails
# here, at upload, rather than at every submission (it would also build Lockstep once if the zip
# held its sources instead of a built installation), and one grading of an empty folder writes
# the grader's class-data archive into the image, for faster starts: otherwise every submission,
# in a fresh container, would write it again.
set -euo pipefail
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends openjdk-21-jdk-headless bubblewrap

chmod 0755 "$source_dir/run_autograder" "$source_dir/lockstep/grade"
bash "$source_dir/lockstep/grade" --version
warmup="$(mktemp -d)"
mkdir "$warmup/submission"
bash "$source_dir/lockstep/grade" --submission "$warmup/submission" --json "$warmup/results.json" >/dev/null 2>&1 || true
rm -rf "$warmup"
