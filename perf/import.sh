#!/usr/bin/env bash
# Imports an HSDS file into a running Passerelle through the staff import page, as a curator
# would, and prints how long the upload and import took.
# Usage: perf/import.sh BASE_URL FILE [USER] [PASSWORD]
set -euo pipefail
base=$1; file=$2; user=${3:-admin}; password=${4:-demo-curator-2026}
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
token() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | token)
curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=$user&password=$password&_csrf=$csrf" "$base/login"
csrf=$(curl -s -c "$jar" -b "$jar" "$base/app/directory/import" | token)
start=$(date +%s.%N)
curl -s -c "$jar" -b "$jar" -F "_csrf=$csrf" -F "files=@$file" "$base/app/directory/import?lang=en" \
  | grep -o -E 'Imported [0-9,]+ rows; [0-9,]+ were new or changed|Nothing was imported' || echo "no answer"
echo "import took $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }') s"
