#!/usr/bin/env bash
# Vendors the web app's JavaScript into src/veedor/web/static/vendor/ so the app runs offline:
# no CDN, and no node at run time. Versions come from package.json / package-lock.json (exact
# pins); this script installs them with `npm ci --ignore-scripts` (no install hooks run) and copies
# each package's minified browser (UMD) build and its licence. The copies are byte-identical to the
# published files, so they can be checked against the registry tarballs.
#
# Load order in a page, each defining a global: htmx.min.js (htmx), vega.min.js (vega),
# vega-lite.min.js (vegaLite), vega-embed.min.js (vegaEmbed).
#
# world-atlas is not served: scripts/build_map.py reads its TopoJSON from node_modules to build
# src/veedor/data/americas.json. Its licence is kept here with the others.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --ignore-scripts --no-audit --no-fund

dest=src/veedor/web/static/vendor
rm -rf "$dest"
mkdir -p "$dest"

# package  built file inside the package (empty: nothing served)
assets=(
  "htmx.org dist/htmx.min.js"
  "vega build/vega.min.js"
  "vega-lite build/vega-lite.min.js"
  "vega-embed build/vega-embed.min.js"
  "world-atlas "
)

versions="$dest/VERSIONS.txt"
{
  echo "# Written by scripts/vendor-assets.sh from package-lock.json; do not edit by hand."
  echo "# package@version licence files"
} >"$versions"

for entry in "${assets[@]}"; do
  read -r pkg built <<<"$entry"
  src="node_modules/$pkg"
  version=$(node -p "require('./$src/package.json').version")
  licence=$(node -p "require('./$src/package.json').license")
  files=""
  if [[ -n "${built:-}" ]]; then
    cp "$src/$built" "$dest/"
    files="$(basename "$built") "
  fi
  cp "$src/LICENSE" "$dest/$pkg.LICENSE.txt"
  files+="$pkg.LICENSE.txt"
  echo "$pkg@$version $licence $files" >>"$versions"
done

# The minified builds bundle their own dependencies (d3 modules in vega, vega-tooltip and others in
# vega-embed) without their licence headers: keep every installed package's licence beside them.
node - "$dest/THIRD-PARTY-LICENSES.txt" "${assets[@]%% *}" <<'JS'
const fs = require("fs");
const [out, ...direct] = process.argv.slice(2);
const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
const parts = ["Licences of the packages bundled into the vendored builds (from package-lock.json).\n"];
for (const [dir, info] of Object.entries(lock.packages).sort()) {
  const name = dir.replace(/^.*node_modules\//, "");
  if (!dir || direct.includes(name) || info.dev) continue;
  const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
  const text = file ? fs.readFileSync(`${dir}/${file}`, "utf8").trim() : "(no licence file)";
  parts.push(`==== ${name}@${info.version} (${info.license}) ====\n\n${text}\n`);
}
fs.writeFileSync(out, parts.join("\n"));
JS
echo "# THIRD-PARTY-LICENSES.txt: licences of the packages the builds bundle" >>"$versions"

# axe-core checks the pages' accessibility in the browser tests; it is never served.
mkdir -p tests/web/vendor
cp node_modules/axe-core/axe.min.js tests/web/vendor/axe.min.js
cp node_modules/axe-core/LICENSE tests/web/vendor/axe-core.LICENSE.txt
echo "axe-core@$(node -p "require('./node_modules/axe-core/package.json').version") MPL-2.0 (tests only)" \
  >tests/web/vendor/VERSIONS.txt

echo "Vendored into $dest:"
ls -l "$dest"
